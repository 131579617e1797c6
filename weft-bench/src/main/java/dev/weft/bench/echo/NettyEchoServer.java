package dev.weft.bench.echo;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The Netty echo server, written as Netty's own example ({@code io.netty.example.echo.EchoServer}): a
 * one-thread acceptor group, a group of I/O event loops (one per core), {@code TCP_NODELAY} on every
 * connection, Netty's default allocator (4.2: the pooled adaptive allocator), and a handler that writes
 * each buffer it reads back and flushes when a read burst completes.
 */
final class NettyEchoServer implements EchoServer {

    /** I/O event loops: one per core, like Weft's workers (Netty's default would be two per core). */
    static final int EVENT_LOOPS = Runtime.getRuntime().availableProcessors();

    private final EventLoopGroup acceptor;
    private final EventLoopGroup eventLoops;
    private final Channel listener;

    /** Binds to {@code address} (port 0 for any) with {@code transport}. */
    NettyEchoServer(NettyTransport transport, InetSocketAddress address) {
        acceptor = transport.newGroup(1);
        eventLoops = transport.newGroup(EVENT_LOOPS);
        try {
            listener = new ServerBootstrap()
                    .group(acceptor, eventLoops)
                    .channel(transport.serverChannel())
                    .option(ChannelOption.SO_BACKLOG, BACKLOG)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new Echo())
                    .bind(address).syncUninterruptibly().channel();
        } catch (RuntimeException e) {
            shutDown();
            throw e;
        }
    }

    @Override
    public InetSocketAddress address() {
        return (InetSocketAddress) listener.localAddress();
    }

    @Override
    public void close() {
        listener.close().syncUninterruptibly();
        shutDown();
    }

    private void shutDown() {
        eventLoops.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        acceptor.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** Writes what it reads back; flushes once per read burst, as Netty's example does. */
    @ChannelHandler.Sharable
    private static final class Echo extends ChannelInboundHandlerAdapter {

        @Override
        public void channelRead(ChannelHandlerContext context, Object message) {
            context.write(message, context.voidPromise());
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext context) {
            context.flush();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
            context.close();
        }
    }
}
