package dev.weft.sync.tests;

import dev.weft.Async;
import dev.weft.Weft;
import dev.weft.task.JoinHandle;
import dev.weft.task.TaskState;

import java.util.concurrent.TimeUnit;

/**
 * Waits, from a task, until another task is parked: a task whose body only awaits one primitive is then
 * queued in that primitive. The limit only bounds a broken test; nothing is timed.
 */
final class Waiting {

    private static final long LIMIT_NANOS = TimeUnit.SECONDS.toNanos(10);

    private Waiting() {
    }

    /** Spawns {@code operation} and returns once its task is parked, that is, queued in what it awaits. */
    static <T> JoinHandle<T> spawnParked(Async<T> operation) {
        JoinHandle<T> handle = Weft.spawn(operation);
        untilParked(handle);
        return handle;
    }

    /** Yields until the task of {@code handle} is parked; fails if it finishes or never parks. */
    static void untilParked(JoinHandle<?> handle) {
        long deadline = System.nanoTime() + LIMIT_NANOS;
        while (handle.info().state() != TaskState.WAITING) {
            if (handle.isFinished()) {
                throw new AssertionError("task " + handle.id() + " finished instead of waiting: " + handle.info());
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("task " + handle.id() + " never started waiting: " + handle.info());
            }
            Weft.yieldNow().await();
        }
    }
}
