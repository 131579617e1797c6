package dev.weft.bench.time;

import dev.weft.bench.peer.Peer;

import java.util.function.IntConsumer;

/** A loop timed inside one task, the shape of Tokio's timer benchmarks. */
final class TaskLoop {

    private TaskLoop() {
    }

    /**
     * Runs {@code iteration} {@code iterations} times (passing the iteration's index) inside one task on
     * {@code peer}; returns the mean wall time of an iteration in nanoseconds, timed inside the task.
     */
    static double nanosPerIteration(Peer peer, int iterations, IntConsumer iteration) {
        long[] elapsed = new long[1];
        peer.blockOn(() -> {
            long start = System.nanoTime();
            for (int i = 0; i < iterations; i++) {
                iteration.accept(i);
            }
            elapsed[0] = System.nanoTime() - start;
        });
        return elapsed[0] / (double) iterations;
    }
}
