package dev.weft.bench.workload;

import dev.weft.bench.peer.Peer;

import java.util.concurrent.CountDownLatch;

/**
 * Tokio's {@code chained_spawn}: a chain of 1 000 tasks, each spawning the next before it ends; the last
 * one wakes the root.
 */
final class ChainedSpawn implements Workload {

    private static final int DEPTH = 1_000;

    @Override
    public void runOnce(Peer peer) {
        CountDownLatch done = new CountDownLatch(1);
        peer.blockOn(() -> {
            peer.spawn(() -> link(peer, DEPTH, done));
            Latches.await(done);
        });
    }

    private static void link(Peer peer, int linksLeft, CountDownLatch done) {
        if (linksLeft == 0) {
            done.countDown();
        } else {
            peer.spawn(() -> link(peer, linksLeft - 1, done));
        }
    }
}
