package dev.weft.bench.workload;

import dev.weft.bench.HeapMeter;
import dev.weft.bench.peer.Peer;

import java.util.concurrent.CountDownLatch;

/**
 * Heap held by an idle task: 100 000 tasks each parked on a latch that opens only after the measurement.
 * The heap in use is read after full collections ({@link HeapMeter}) before the tasks start and once all
 * of them wait; the difference per task covers the virtual thread, its parked stack, the peer's
 * bookkeeping (Weft's task record and handle, the JDK executor's thread set) and the latch's wait node.
 */
public final class IdleTaskHeap {

    private static final int TASKS = 100_000;

    /** The name reports and {@code --only} use. */
    public String name() {
        return "idle_task_heap";
    }

    /** Parks {@value #TASKS} tasks on {@code peer}, measures, releases them; returns heap bytes per task. */
    public double bytesPerTask(Peer peer) {
        CountDownLatch started = new CountDownLatch(TASKS);
        CountDownLatch gate = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(TASKS);
        Runnable idleTask = () -> {
            started.countDown();
            Latches.await(gate);
            finished.countDown();
        };
        long before = HeapMeter.usedAfterCollections();
        peer.blockOn(() -> {
            for (int i = 0; i < TASKS; i++) {
                peer.spawn(idleTask);
            }
            Latches.await(started);
        });
        long after = HeapMeter.usedAfterCollections();
        gate.countDown();
        peer.blockOn(() -> Latches.await(finished));
        return (after - before) / (double) TASKS;
    }
}
