package dev.weft.net;

import dev.weft.Async;
import dev.weft.runtime.internal.io.SocketStream;

import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A TCP connection: Tokio's {@code TcpStream}. Reads and writes wait on readiness from the runtime's I/O
 * driver, never inside a blocking system call, so a worker is never held and a cancelled read loses no
 * byte and leaves the connection open. Close it when done (it is {@link AutoCloseable}). TCP_NODELAY is
 * left at the system's default (off), as in Tokio and the JDK; request/response protocols usually want
 * {@link #setNoDelay(boolean) setNoDelay(true)}.
 *
 * {@snippet :
 * static Async<String> fetchGreeting(InetSocketAddress server) {
 *     return Async.of(() -> {
 *         try (TcpStream stream = TcpStream.connect(server).await()) {
 *             stream.writeAll(ByteBuffer.wrap("hello\n".getBytes(StandardCharsets.US_ASCII))).await();
 *             stream.shutdownOutput().await();
 *             ByteBuffer reply = ByteBuffer.allocate(64);
 *             while (stream.read(reply).await() >= 0) {
 *                 // read until the server closes its side
 *             }
 *             return new String(reply.array(), 0, reply.position(), StandardCharsets.US_ASCII);
 *         }
 *     });
 * }
 * }
 *
 * <h2>Cancellation</h2>
 * {@link #connect} is cancel-safe in that a cancelled connect closes its socket. For reads and writes see
 * {@link StreamSocket}.
 */
public final class TcpStream extends StreamSocket {

    TcpStream(SocketStream socket) {
        super(socket);
    }

    /**
     * Connects to {@code address}.
     *
     * @throws UncheckedIOException if the connection is refused or fails
     */
    public static Async<TcpStream> connect(SocketAddress address) {
        Objects.requireNonNull(address, "address");
        return new TcpSocket().connect(address);
    }

    /**
     * Resolves {@code host} (on the blocking pool) and connects to its addresses in turn until one
     * accepts.
     *
     * @throws UncheckedIOException if the name does not resolve or no address accepts; the last
     *                              failure is the cause, earlier ones are suppressed
     */
    public static Async<TcpStream> connect(String host, int port) {
        Objects.requireNonNull(host, "host");
        Async<List<InetSocketAddress>> resolution = Sockets.resolve(host, port);
        return Async.of(() -> {
            UncheckedIOException failure = null;
            for (InetSocketAddress address : resolution.await()) {
                try {
                    return connect(address).await();
                } catch (UncheckedIOException e) {
                    if (failure != null) {
                        e.addSuppressed(failure);
                    }
                    failure = e;
                }
            }
            throw failure;
        });
    }

    /** Enables or disables TCP_NODELAY (Nagle's algorithm off when true). */
    public void setNoDelay(boolean noDelay) {
        Sockets.setOption(socket.channel(), StandardSocketOptions.TCP_NODELAY, noDelay);
    }

    /** Whether TCP_NODELAY is on. */
    public boolean noDelay() {
        return Sockets.getOption(socket.channel(), StandardSocketOptions.TCP_NODELAY);
    }

    /** Enables or disables SO_KEEPALIVE. */
    public void setKeepAlive(boolean keepAlive) {
        Sockets.setOption(socket.channel(), StandardSocketOptions.SO_KEEPALIVE, keepAlive);
    }

    /** Whether SO_KEEPALIVE is on. */
    public boolean keepAlive() {
        return Sockets.getOption(socket.channel(), StandardSocketOptions.SO_KEEPALIVE);
    }

    /**
     * Sets SO_LINGER: with a duration, closing waits up to that long for unsent data (zero: closing
     * discards it and resets the connection); with null, the system default (close in the background).
     *
     * @throws IllegalArgumentException if {@code linger} is negative or longer than {@code Integer.MAX_VALUE}
     *                                  seconds
     */
    public void setLinger(Duration linger) {
        if (linger != null && (linger.isNegative() || linger.getSeconds() > Integer.MAX_VALUE)) {
            throw new IllegalArgumentException("linger out of range: " + linger);
        }
        Sockets.setOption(socket.channel(), StandardSocketOptions.SO_LINGER,
                linger == null ? -1 : (int) linger.getSeconds());
    }

    @Override
    public String toString() {
        return "TcpStream[" + (isOpen() ? localAddress() + " -> " + peerAddress() : "closed") + "]";
    }
}
