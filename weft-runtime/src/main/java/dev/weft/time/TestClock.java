package dev.weft.time;

import dev.weft.Async;
import dev.weft.Weft;
import dev.weft.runtime.internal.task.RuntimeCore;
import dev.weft.runtime.internal.task.TaskContext;
import dev.weft.runtime.internal.time.RuntimeClock;

import java.time.Duration;

/**
 * Pauses and advances the current runtime's clock, for tests, like Tokio's {@code time::pause},
 * {@code advance} and {@code resume}. While paused, time moves only when advanced, and a runtime with
 * every task idle (none runnable, none on the blocking pool) jumps its clock to the next timer: a test
 * that sleeps an hour finishes at once.
 *
 * <p>Supported on the current-thread flavour, whose single driving thread can tell that every task is
 * idle; the multi-thread flavour refuses with {@link UnsupportedOperationException}. Build a runtime
 * with {@code AsyncRuntime.builder().currentThread().startPaused(true)} to start paused.
 *
 * {@snippet :
 * try (AsyncRuntime runtime = AsyncRuntime.builder().currentThread().startPaused(true).build()) {
 *     runtime.blockOn(Time.sleep(Duration.ofHours(1)));   // returns at once
 * }
 * }
 */
public final class TestClock {

    private TestClock() {
    }

    /**
     * Pauses the clock of the calling task's runtime.
     *
     * @throws IllegalStateException         if already paused, or not called from a runtime
     * @throws UnsupportedOperationException on a multi-thread runtime
     */
    public static void pause() {
        clock("TestClock.pause()").pause();
    }

    /**
     * An operation that moves the paused clock forward by {@code duration}, fires the timers that fall
     * due, and yields so the tasks they woke can run.
     *
     * @throws IllegalArgumentException if {@code duration} is negative or more than 100 years
     */
    public static Async<Void> advance(Duration duration) {
        long nanos = Time.checkedNanos(duration);
        return Async.of(() -> {
            RuntimeCore runtime = runtime("TestClock.advance()");
            runtime.timers().clock().advance(nanos);
            runtime.timers().process();
            Weft.yieldNow().await();
            return null;
        });
    }

    /**
     * Lets the clock run again from where it stood.
     *
     * @throws IllegalStateException if it is not paused
     */
    public static void resume() {
        clock("TestClock.resume()").resume();
    }

    /** True when the calling runtime's clock is paused. */
    public static boolean isPaused() {
        RuntimeCore runtime = TaskContext.currentRuntime();
        return runtime != null && runtime.timers().clock().isPaused();
    }

    private static RuntimeClock clock(String operation) {
        return runtime(operation).timers().clock();
    }

    private static RuntimeCore runtime(String operation) {
        RuntimeCore runtime = TaskContext.currentRuntime();
        if (runtime == null) {
            throw new IllegalStateException(operation + " must be called from a task of the runtime whose clock it"
                    + " controls");
        }
        RuntimeCore.requirePausableClock(runtime.config().flavor(), runtime.ownsScheduling());
        return runtime;
    }
}
