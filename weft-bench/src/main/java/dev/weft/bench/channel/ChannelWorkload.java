package dev.weft.bench.channel;

import dev.weft.bench.peer.Peer;

/**
 * One of Tokio's channel benchmarks ({@code benches/sync_mpsc.rs}, {@code sync_mpsc_oneshot.rs},
 * {@code sync_broadcast.rs}), written twice: with Weft's channels for Weft's peers, and with the JDK's
 * blocking queues for its virtual threads. Each body runs inside the peer's root task and times itself,
 * so the cost of entering the peer ({@code blockOn}, an executor's {@code submit}) is left out.
 */
interface ChannelWorkload {

    /** The name reports and {@code --only} use, Tokio's where it has one. */
    String name();

    /** What each side does, for the report's legend. */
    String legend();

    /** Runs the workload once on {@code peer}; returns the time it took, in microseconds. */
    default double microsToRun(Peer peer) {
        long[] elapsed = new long[1];
        peer.blockOn(() -> {
            long start = System.nanoTime();
            if (peer.kind().isWeft()) {
                runWeft(peer);
            } else {
                runJdk(peer);
            }
            elapsed[0] = System.nanoTime() - start;
        });
        return elapsed[0] / 1e3;
    }

    /** One run with Weft's channels, inside a task of {@code peer}. */
    void runWeft(Peer peer);

    /** One run with the JDK's queues, inside a virtual thread of {@code peer}. */
    void runJdk(Peer peer);
}
