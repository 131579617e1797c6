package dev.weft.test;

import dev.weft.Async;
import dev.weft.Weft;
import dev.weft.task.CancelledException;
import dev.weft.task.JoinHandle;
import dev.weft.time.Elapsed;
import dev.weft.time.Time;

import java.time.Duration;

/**
 * Assertions for asynchronous code, to be called from a task (an {@link AsyncTest} body). Each throws
 * {@link AssertionError} with a message that says what was expected.
 *
 * {@snippet :
 * @AsyncTest(startPaused = true)
 * void abortedSleeperEndsCancelled() {
 *     JoinHandle<Void> sleeper = Weft.spawn(Time.sleep(Duration.ofHours(1)));
 *     AsyncAssertions.assertPending(sleeper);
 *     sleeper.abort();
 *     AsyncAssertions.assertCancelled(sleeper);
 * }
 * }
 */
public final class AsyncAssertions {

    private AsyncAssertions() {
    }

    /** Awaits {@code operation} and returns its value; fails if it takes longer than {@code limit}. */
    public static <T> T assertCompletesWithin(Duration limit, Async<T> operation) {
        try {
            return Time.timeout(limit, operation).await();
        } catch (Elapsed elapsed) {
            throw new AssertionError("expected the operation to complete within " + limit + ", but it did not",
                    elapsed);
        }
    }

    /** Fails unless {@code operation} is still running after {@code limit} (it is then cancelled). */
    public static Elapsed assertTimesOut(Duration limit, Async<?> operation) {
        try {
            Object value = Time.timeout(limit, operation).await();
            throw new AssertionError("expected the operation to time out after " + limit + ", but it completed with "
                    + value);
        } catch (Elapsed elapsed) {
            return elapsed;
        }
    }

    /** Lets other tasks run once, then fails if the task of {@code handle} has finished. */
    public static void assertPending(JoinHandle<?> handle) {
        Weft.yieldNow().await();
        if (handle.isFinished()) {
            throw new AssertionError("expected task " + handle.id() + " to be pending, but it finished: "
                    + handle.info());
        }
    }

    /** Awaits {@code handle} and fails unless the task ended cancelled. */
    public static CancelledException assertCancelled(JoinHandle<?> handle) {
        try {
            Object value = handle.await();
            throw new AssertionError("expected task " + handle.id() + " to be cancelled, but it completed with "
                    + value);
        } catch (CancelledException cancelled) {
            return cancelled;
        }
    }
}
