package dev.weft.bench.echo;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutor;
import org.HdrHistogram.Histogram;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/*
 * Implementation notes.
 *
 * The phase is the only state the harness thread and the event loops share while the load runs: the
 * harness writes it (volatile), each connection reads it once per round trip. Latencies go into one
 * histogram per event loop, written only by that loop's connections; the harness merges them after
 * every channel's close future has completed, which orders the merge after the last record. The
 * first failure of any connection is kept (a compare-and-set) and thrown when the session ends.
 */

/**
 * The connections of one measurement of one server, their shared phase and their latencies. Opening
 * a session connects every connection (in batches, so no server's accept backlog overflows) and each
 * starts its closed loop as soon as it is connected.
 */
final class EchoSession implements AutoCloseable {

    /** Where a session is: only round trips completed while measuring are recorded. */
    enum Phase {
        /** Running, not recorded. */
        WARM_UP,
        /** Running and recorded. */
        MEASURE,
        /** Each connection closes when its round trip in flight completes. */
        STOP
    }

    /** Connects started before waiting for them; well under every server's backlog. */
    private static final int CONNECT_BATCH = 50;
    /** The largest latency recorded; anything slower counts as this. */
    private static final long MAX_LATENCY_NANOS = TimeUnit.MINUTES.toNanos(1);
    private static final int LATENCY_DIGITS = 3;

    private final Scenario scenario;
    private final long roundTripsPerConnection;
    private final boolean verifies;
    private final Map<EventLoop, Histogram> latencies = new IdentityHashMap<>();
    private final List<Channel> channels = new ArrayList<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile Phase phase;

    /**
     * Connects {@code scenario.connections()} connections to {@code server} on {@code group}'s event
     * loops; each runs until the session stops or it has done {@code roundTripsPerConnection} round
     * trips, checking every echoed byte when {@code verifies}.
     */
    EchoSession(NettyTransport transport, EventLoopGroup group, InetSocketAddress server, Scenario scenario,
                Phase initial, long roundTripsPerConnection, boolean verifies) {
        this.scenario = scenario;
        this.roundTripsPerConnection = roundTripsPerConnection;
        this.verifies = verifies;
        this.phase = initial;
        for (EventExecutor loop : group) {
            latencies.put((EventLoop) loop, new Histogram(MAX_LATENCY_NANOS, LATENCY_DIGITS));
        }
        AtomicInteger nextIndex = new AtomicInteger();
        Bootstrap bootstrap = new Bootstrap().group(group).channel(transport.clientChannel())
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        channel.pipeline().addLast(new EchoClientHandler(EchoSession.this,
                                nextIndex.getAndIncrement(), scenario.messageBytes(),
                                latencies.get(channel.eventLoop())));
                    }
                });
        try {
            connect(bootstrap, server);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    Phase phase() {
        return phase;
    }

    long roundTripsPerConnection() {
        return roundTripsPerConnection;
    }

    boolean verifies() {
        return verifies;
    }

    /** Records the first failure of any connection; the session throws it when it ends. */
    void fail(Throwable cause) {
        failure.compareAndSet(null, cause);
    }

    /** Starts recording; returns the time it did. */
    long startMeasuring() {
        phase = Phase.MEASURE;
        return System.nanoTime();
    }

    /** Stops recording and asks every connection to close after its round trip; returns the time it did. */
    long stop() {
        phase = Phase.STOP;
        return System.nanoTime();
    }

    /**
     * Waits up to {@code patience} until every connection has closed.
     *
     * @throws IllegalStateException if a connection failed, or some are still open after {@code patience}
     */
    void awaitClosed(Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        for (Channel channel : channels) {
            long left = Math.max(0, deadline - System.nanoTime());
            if (!channel.closeFuture().awaitUninterruptibly(left, TimeUnit.NANOSECONDS)) {
                throw new IllegalStateException("connection " + channel + " still open after " + patience
                        + ": the server stopped answering", failure.get());
            }
        }
        Throwable cause = failure.get();
        if (cause != null) {
            throw new IllegalStateException("a connection failed: " + cause, cause);
        }
    }

    /**
     * The latencies of the round trips recorded, over {@code measuredNanos}; call after
     * {@link #awaitClosed}.
     */
    LoadResult result(long measuredNanos) {
        Histogram all = new Histogram(MAX_LATENCY_NANOS, LATENCY_DIGITS);
        latencies.values().forEach(all::add);
        return new LoadResult(scenario, measuredNanos, all);
    }

    /** Closes every connection still open and waits for them. */
    @Override
    public void close() {
        phase = Phase.STOP;
        for (Channel channel : channels) {
            channel.close().awaitUninterruptibly();
        }
    }

    private void connect(Bootstrap bootstrap, InetSocketAddress server) {
        List<ChannelFuture> batch = new ArrayList<>(CONNECT_BATCH);
        for (int opened = 0; opened < scenario.connections(); opened += batch.size()) {
            batch.clear();
            for (int i = 0; i < Math.min(CONNECT_BATCH, scenario.connections() - opened); i++) {
                batch.add(bootstrap.connect(server));
            }
            for (ChannelFuture connecting : batch) {
                channels.add(connecting.channel());
                connecting.syncUninterruptibly();
            }
        }
    }
}
