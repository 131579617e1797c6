package dev.weft.net;

import dev.weft.Async;
import dev.weft.runtime.internal.io.SocketListener;
import dev.weft.runtime.internal.io.SocketStream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.Objects;

/**
 * A TCP listener: Tokio's {@code TcpListener}. Accepting waits on readiness from the runtime's I/O
 * driver. Bind to port 0 to let the system choose a free port ({@link #localAddress()} tells which).
 *
 * {@snippet :
 * static Async<Void> echoOnce(TcpListener listener) {
 *     return Async.of(() -> {
 *         try (TcpStream client = listener.accept().await()) {
 *             ByteBuffer buffer = ByteBuffer.allocate(1024);
 *             while (client.read(buffer.clear()).await() > 0) {
 *                 client.writeAll(buffer.flip()).await();
 *             }
 *         }
 *         return null;
 *     });
 * }
 * }
 *
 * <h2>Cancellation</h2>
 * As {@link Listener}.
 */
public final class TcpListener extends Listener<TcpStream> {

    /** The default length of the queue of pending connections (Linux's somaxconn default). */
    public static final int DEFAULT_BACKLOG = 4096;

    private final StreamOptions acceptedOptions;

    /** Options applied to each accepted channel. */
    @FunctionalInterface
    interface StreamOptions {
        void apply(SocketChannel channel) throws IOException;
    }

    TcpListener(SocketListener listener, StreamOptions acceptedOptions) {
        super(listener);
        this.acceptedOptions = acceptedOptions;
    }

    /**
     * Binds a listener to {@code address} with SO_REUSEADDR on and a backlog of
     * {@value #DEFAULT_BACKLOG}.
     *
     * @throws UncheckedIOException if the address is in use or cannot be bound
     */
    public static Async<TcpListener> bind(SocketAddress address) {
        Objects.requireNonNull(address, "address");
        return Async.of(() -> new TcpSocket().setReuseAddress(true).bind(address).listen(DEFAULT_BACKLOG));
    }

    /**
     * Resolves {@code host} (on the blocking pool) and binds to its first address.
     *
     * @throws UncheckedIOException if the name does not resolve or the address cannot be bound
     */
    public static Async<TcpListener> bind(String host, int port) {
        Objects.requireNonNull(host, "host");
        return Sockets.resolve(host, port).flatMap(addresses -> bind(first(addresses, host)));
    }

    private static InetSocketAddress first(List<InetSocketAddress> addresses, String host) {
        if (addresses.isEmpty()) {
            throw new UncheckedIOException(new IOException("no address for " + host));
        }
        return addresses.get(0);
    }

    @Override
    TcpStream accepted(SocketChannel channel) throws IOException {
        acceptedOptions.apply(channel);
        return new TcpStream(SocketStream.connected(channel));
    }

    @Override
    public String toString() {
        return "TcpListener[" + localAddress() + "]";
    }
}
