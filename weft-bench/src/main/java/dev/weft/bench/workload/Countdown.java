package dev.weft.bench.workload;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Tokio's completion signal in its scheduler benchmarks: a shared counter that each finishing task
 * decrements, and a one-shot wake-up that the task bringing it to zero sends to the waiting root.
 */
final class Countdown {

    private final AtomicInteger remaining;
    private final CountDownLatch reachedZero = new CountDownLatch(1);

    Countdown(int count) {
        this.remaining = new AtomicInteger(count);
    }

    /** Counts one task as finished; the last one wakes the waiter. */
    void arrive() {
        if (remaining.decrementAndGet() == 0) {
            reachedZero.countDown();
        }
    }

    /** Waits (parking the calling task) until every task has arrived. */
    void await() {
        Latches.await(reachedZero);
    }
}
