package dev.weft.runtime.tests;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Bounded polling for states that nothing signals (a task's state in the registry, an idle thread
 * exiting). Inside a task the pause parks only that task, so other tasks go on running.
 */
final class Eventually {

    private static final long LIMIT_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final long PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private Eventually() {
    }

    /** Returns once {@code condition} holds; fails the test if it does not within ten seconds. */
    static void until(String description, BooleanSupplier condition) {
        long deadline = System.nanoTime() + LIMIT_NANOS;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out waiting until " + description);
            }
            LockSupport.parkNanos(PAUSE_NANOS);
        }
    }
}
