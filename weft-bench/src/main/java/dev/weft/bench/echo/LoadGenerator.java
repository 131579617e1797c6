package dev.weft.bench.echo;

import io.netty.channel.EventLoopGroup;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The client every echo server is measured with: Netty connections in a closed loop (each sends a
 * message, waits for all of it to come back, records the round trip, sends the next), on a fixed group
 * of event loops of the best Netty transport here (epoll when its native library loads, else NIO),
 * {@code TCP_NODELAY} on. The same client, with the same threads, drives every server.
 */
public final class LoadGenerator implements AutoCloseable {

    /** How long connections may take to finish their last round trip and close. */
    private static final Duration CLOSE_PATIENCE = Duration.ofSeconds(10);

    private final NettyTransport transport;
    private final int threads;
    private final EventLoopGroup group;

    /** A client on {@code threads} event loops of {@code transport}. */
    public LoadGenerator(NettyTransport transport, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads < 1: " + threads);
        }
        this.transport = transport;
        this.threads = threads;
        this.group = transport.newGroup(threads);
    }

    /** The transport of its connections. */
    public NettyTransport transport() {
        return transport;
    }

    /** The number of its event loops. */
    public int threads() {
        return threads;
    }

    /**
     * Opens {@code scenario}'s connections to {@code server}, runs them for {@code warmUp} unrecorded,
     * then for {@code measurement} recorded, then closes them.
     *
     * @throws IllegalStateException if a connection fails or the server stops answering
     */
    public LoadResult measure(InetSocketAddress server, Scenario scenario, Duration warmUp, Duration measurement) {
        try (EchoSession session = new EchoSession(transport, group, server, scenario, EchoSession.Phase.WARM_UP,
                Long.MAX_VALUE, false)) {
            sleep(warmUp);
            long start = session.startMeasuring();
            sleep(measurement);
            long end = session.stop();
            session.awaitClosed(CLOSE_PATIENCE);
            return session.result(end - start);
        }
    }

    /**
     * Opens {@code scenario}'s connections to {@code server}; each does {@code roundTrips} round trips,
     * checking every byte of every echo, then closes. The result records every round trip.
     *
     * @throws IllegalStateException if an echo differs from its message, a connection fails, or the
     *                               server stops answering
     */
    public LoadResult exchange(InetSocketAddress server, Scenario scenario, int roundTrips) {
        if (roundTrips < 1) {
            throw new IllegalArgumentException("roundTrips < 1: " + roundTrips);
        }
        long start = System.nanoTime();
        try (EchoSession session = new EchoSession(transport, group, server, scenario, EchoSession.Phase.MEASURE,
                roundTrips, true)) {
            session.awaitClosed(CLOSE_PATIENCE);
            return session.result(System.nanoTime() - start);
        }
    }

    /** Shuts the event loops down. */
    @Override
    public void close() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the load ran", e);
        }
    }
}
