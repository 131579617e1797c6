package dev.weft.bench.workload;

import dev.weft.bench.peer.Peer;

/**
 * Tokio's {@code spawn_many_local}: one task spawns 10 000 tasks; each counts itself down on a shared
 * {@link Countdown}, and the last one wakes the spawner, which is parked on it.
 */
final class SpawnManyLocal implements Workload {

    private static final int TASKS = 10_000;

    @Override
    public void runOnce(Peer peer) {
        Countdown finished = new Countdown(TASKS);
        Runnable task = finished::arrive;
        peer.blockOn(() -> {
            for (int i = 0; i < TASKS; i++) {
                peer.spawn(task);
            }
            finished.await();
        });
    }
}
