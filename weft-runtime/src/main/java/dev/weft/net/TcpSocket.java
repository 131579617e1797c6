package dev.weft.net;

import dev.weft.Async;
import dev.weft.runtime.internal.io.SocketListener;
import dev.weft.runtime.internal.io.SocketStream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.NetworkChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Objects;

/**
 * The options of a TCP socket before it connects or listens: Tokio's {@code TcpSocket}. Set the options,
 * then {@link #connect} for a stream or {@link #listen} for a listener. Options left unset keep the
 * system's defaults. Not thread-safe; use one {@code TcpSocket} per socket you make.
 *
 * {@snippet :
 * static Async<TcpListener> listenWithReuse(InetSocketAddress address) {
 *     return Async.of(() -> new TcpSocket()
 *             .setReuseAddress(true)
 *             .setReceiveBufferSize(256 * 1024)
 *             .bind(address)
 *             .listen(1024));
 * }
 * }
 *
 * <h2>Cancellation</h2>
 * A cancelled {@link #connect} closes its socket.
 */
public final class TcpSocket {

    private Boolean reuseAddress;
    private Integer sendBufferSize;
    private Integer receiveBufferSize;
    private Boolean noDelay;
    private Boolean keepAlive;
    private SocketAddress localAddress;

    /** A socket with the system's default options. */
    public TcpSocket() {
    }

    /** Sets SO_REUSEADDR (a listener may bind a port still in TIME_WAIT). */
    public TcpSocket setReuseAddress(boolean reuse) {
        this.reuseAddress = reuse;
        return this;
    }

    /**
     * Sets SO_SNDBUF.
     *
     * @throws IllegalArgumentException if {@code bytes <= 0}
     */
    public TcpSocket setSendBufferSize(int bytes) {
        this.sendBufferSize = positive(bytes, "send buffer size");
        return this;
    }

    /**
     * Sets SO_RCVBUF (before connecting or listening, so that the TCP window can be scaled to it).
     *
     * @throws IllegalArgumentException if {@code bytes <= 0}
     */
    public TcpSocket setReceiveBufferSize(int bytes) {
        this.receiveBufferSize = positive(bytes, "receive buffer size");
        return this;
    }

    /** Sets TCP_NODELAY on the connected stream. */
    public TcpSocket setNoDelay(boolean noDelay) {
        this.noDelay = noDelay;
        return this;
    }

    /** Sets SO_KEEPALIVE on the connected stream. */
    public TcpSocket setKeepAlive(boolean keepAlive) {
        this.keepAlive = keepAlive;
        return this;
    }

    /**
     * Sets the local address: where a listener listens, or the source address of a connection.
     * Port 0 lets the system choose.
     */
    public TcpSocket bind(SocketAddress address) {
        this.localAddress = Objects.requireNonNull(address, "address");
        return this;
    }

    /**
     * Connects to {@code address} with these options.
     *
     * @throws UncheckedIOException if the connection is refused or fails
     */
    public Async<TcpStream> connect(SocketAddress address) {
        Objects.requireNonNull(address, "address");
        return Async.of(() -> {
            SocketChannel channel = Sockets.call(SocketChannel::open);
            try {
                apply(channel);
                applyStreamOptions(channel);
                if (localAddress != null) {
                    channel.bind(localAddress);
                }
            } catch (IOException e) {
                channel.close();
                throw new UncheckedIOException(e);
            }
            return new TcpStream(SocketStream.connect(channel, address));
        });
    }

    /**
     * Starts listening, on the address given to {@link #bind} (or an ephemeral port on every interface),
     * with a queue of {@code backlog} pending connections. Call it from a Weft task. The send buffer
     * size, TCP_NODELAY and SO_KEEPALIVE set here apply to every accepted stream.
     *
     * @throws UncheckedIOException     if the address is in use or cannot be bound
     * @throws IllegalArgumentException if {@code backlog <= 0}
     * @throws IllegalStateException    if the caller is not a Weft task
     */
    public TcpListener listen(int backlog) {
        positive(backlog, "backlog");
        ServerSocketChannel channel = Sockets.call(ServerSocketChannel::open);
        try {
            apply(channel);
        } catch (IOException e) {
            Sockets.call(() -> {
                channel.close();
                return null;
            });
            throw new UncheckedIOException(e);
        }
        return new TcpListener(SocketListener.bind(channel, localAddress, backlog), this::applyStreamOptions);
    }

    private void apply(NetworkChannel channel) throws IOException {
        if (reuseAddress != null) {
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, reuseAddress);
        }
        if (receiveBufferSize != null) {
            channel.setOption(StandardSocketOptions.SO_RCVBUF, receiveBufferSize);
        }
    }

    /** The options of a connected stream, for a connecting socket and for each accepted one. */
    void applyStreamOptions(SocketChannel channel) throws IOException {
        if (sendBufferSize != null) {
            channel.setOption(StandardSocketOptions.SO_SNDBUF, sendBufferSize);
        }
        if (noDelay != null) {
            channel.setOption(StandardSocketOptions.TCP_NODELAY, noDelay);
        }
        if (keepAlive != null) {
            channel.setOption(StandardSocketOptions.SO_KEEPALIVE, keepAlive);
        }
    }

    private static int positive(int value, String what) {
        if (value <= 0) {
            throw new IllegalArgumentException(what + " <= 0: " + value);
        }
        return value;
    }
}
