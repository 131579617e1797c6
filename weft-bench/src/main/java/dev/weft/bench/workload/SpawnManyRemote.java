package dev.weft.bench.workload;

import dev.weft.bench.peer.Peer;

/**
 * Tokio's {@code spawn_many_remote_idle}: a thread outside the task system spawns 10 000 empty tasks,
 * then waits for every one of them (Weft: awaiting each handle in {@code blockOn}; JDK: {@code Future.get}).
 */
final class SpawnManyRemote implements Workload {

    private static final int TASKS = 10_000;
    private static final Runnable EMPTY = () -> { };

    @Override
    public void runOnce(Peer peer) {
        peer.spawnFromOutsideAndJoin(TASKS, EMPTY);
    }
}
