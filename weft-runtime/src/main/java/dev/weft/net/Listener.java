package dev.weft.net;

import dev.weft.Async;
import dev.weft.runtime.internal.io.SocketListener;
import dev.weft.stream.AsyncStream;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.channels.SocketChannel;
import java.util.Optional;

/**
 * What {@link TcpListener} and {@link UnixListener} have in common: accepting connections as streams of
 * type {@code S}.
 *
 * <h2>Cancellation</h2>
 * {@link #accept()} is cancel-safe: a cancelled accept took no connection; it stays in the backlog for
 * the next accept.
 *
 * @param <S> the type of the accepted streams
 */
public abstract sealed class Listener<S extends StreamSocket> implements AutoCloseable
        permits TcpListener, UnixListener {

    final SocketListener listener;

    Listener(SocketListener listener) {
        this.listener = listener;
    }

    /** Makes the stream of an accepted, registered channel. */
    abstract S accepted(SocketChannel channel) throws IOException;

    /**
     * Waits for the next connection and returns it.
     *
     * @throws java.io.UncheckedIOException if accepting fails (for example, too many open files) or the listener
     *                                      is closed
     */
    public Async<S> accept() {
        return listener.accept(this::accepted);
    }

    /**
     * The accepted connections as a stream that never ends while the listener is open (Tokio's
     * {@code TcpListenerStream}). Each {@code next()} is an {@link #accept()}.
     */
    public AsyncStream<S> incoming() {
        return () -> accept().map(Optional::of);
    }

    /** The address the listener is bound to (with the port the system chose for port 0). */
    public SocketAddress localAddress() {
        return listener.localAddress();
    }

    /** Stops listening; a pending accept fails with a closed-channel error. Idempotent. */
    @Override
    public void close() {
        listener.close();
    }
}
