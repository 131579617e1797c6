package dev.weft.runtime.internal.io;

import dev.weft.Async;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/**
 * A listening socket (TCP or Unix domain) on a runtime's I/O driver: the one implementation behind
 * TcpListener and UnixListener. Accepting waits on readiness (OP_ACCEPT), so a cancelled accept leaves
 * the pending connection in the backlog for the next one.
 */
public final class SocketListener {

    private final ServerSocketChannel channel;
    private final IoRegistration io;

    private SocketListener(ServerSocketChannel channel, IoRegistration io) {
        this.channel = channel;
        this.io = io;
    }

    /**
     * Binds {@code channel} to {@code address} with {@code backlog} and registers it with the calling
     * task's runtime; the channel is closed if that fails.
     */
    public static SocketListener bind(ServerSocketChannel channel, SocketAddress address, int backlog) {
        try {
            channel.bind(address, backlog);
            return new SocketListener(channel, SocketStream.currentDriver("Binding a listener")
                    .register(channel, SelectionKey.OP_ACCEPT, 0));
        } catch (IOException | RuntimeException e) {
            try {
                channel.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            if (e instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            throw (RuntimeException) e;
        }
    }

    /** What an accepted channel becomes; it is closed if this throws. */
    @FunctionalInterface
    public interface Acceptor<S> {
        S accepted(SocketChannel channel) throws IOException;
    }

    /**
     * Waits for the next connection and returns what {@code acceptor} makes of it. The acceptor runs
     * inside the accept operation, so a connection is never taken without being handed over: the
     * operation stays cancel-safe (a select that loses an accept leaks no connection).
     */
    public <S> Async<S> accept(Acceptor<S> acceptor) {
        return IoOperation.async(io, IoRegistration.READ, () -> {
            SocketChannel accepted = channel.accept();
            if (accepted == null) {
                return null;
            }
            try {
                return acceptor.accepted(accepted);
            } catch (IOException | RuntimeException e) {
                accepted.close();
                throw e;
            }
        });
    }

    public SocketAddress localAddress() {
        try {
            return channel.getLocalAddress();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Closes the listener; a pending accept fails with a closed-channel error. */
    public void close() {
        io.close();
    }
}
