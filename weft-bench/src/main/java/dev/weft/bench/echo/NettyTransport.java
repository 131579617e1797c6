package dev.weft.bench.echo;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;

/**
 * A Netty 4.2 transport: its event loops ({@link MultiThreadIoEventLoopGroup} over the transport's
 * {@code IoHandler}) and its socket channels. The echo servers and the load generator both use these.
 */
public enum NettyTransport {

    /** {@code java.nio} selectors: Netty's portable transport. */
    NIO("NIO"),

    /** Linux epoll through Netty's native library, when it loads. */
    EPOLL("epoll");

    private final String label;

    NettyTransport(String label) {
        this.label = label;
    }

    /** {@code NIO} or {@code epoll}. */
    public String label() {
        return label;
    }

    /** The native transport when its library loads here, else NIO. */
    public static NettyTransport best() {
        return EPOLL.isAvailable() ? EPOLL : NIO;
    }

    /** True when this transport works on this machine (always for NIO). */
    public boolean isAvailable() {
        return this == NIO || Epoll.isAvailable();
    }

    /** Why this transport does not work here, or {@code "available"}. */
    public String availability() {
        if (isAvailable()) {
            return "available";
        }
        return "unavailable: " + Epoll.unavailabilityCause();
    }

    /** A new group of {@code threads} event loops of this transport; the caller shuts it down. */
    EventLoopGroup newGroup(int threads) {
        return new MultiThreadIoEventLoopGroup(threads, ioHandlerFactory());
    }

    Class<? extends ServerChannel> serverChannel() {
        return this == NIO ? NioServerSocketChannel.class : EpollServerSocketChannel.class;
    }

    Class<? extends SocketChannel> clientChannel() {
        return this == NIO ? NioSocketChannel.class : EpollSocketChannel.class;
    }

    private IoHandlerFactory ioHandlerFactory() {
        return this == NIO ? NioIoHandler.newFactory() : EpollIoHandler.newFactory();
    }
}
