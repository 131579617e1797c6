package dev.weft.sync.tests;

import dev.weft.task.JoinHandle;
import dev.weft.task.TaskState;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Waits, from inside a task, until other tasks are parked (for these tests: inside a channel
 * operation), so that a test can act on a channel with known waiters. Bounded: fails after ten seconds.
 */
final class Waiting {

    private static final long LIMIT_NANOS = TimeUnit.SECONDS.toNanos(10);

    private Waiting() {
    }

    /** Returns once every task of {@code handles} is parked. */
    static void until(JoinHandle<?>... handles) {
        long deadline = System.nanoTime() + LIMIT_NANOS;
        for (JoinHandle<?> handle : handles) {
            while (handle.info().state() != TaskState.WAITING) {
                if (System.nanoTime() - deadline > 0) {
                    throw new AssertionError("task " + handle.id() + " did not park: " + handle.info());
                }
                LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(100));
            }
        }
    }
}
