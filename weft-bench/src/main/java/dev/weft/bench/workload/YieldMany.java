package dev.weft.bench.workload;

import dev.weft.bench.peer.Peer;

/**
 * Tokio's {@code yield_many}: 200 tasks spawned from outside, each yielding 1 000 times; the outside
 * thread waits for all of them.
 */
final class YieldMany implements Workload {

    private static final int TASKS = 200;
    private static final int YIELDS_PER_TASK = 1_000;

    @Override
    public void runOnce(Peer peer) {
        peer.spawnFromOutsideAndJoin(TASKS, () -> {
            for (int i = 0; i < YIELDS_PER_TASK; i++) {
                peer.yieldNow();
            }
        });
    }
}
