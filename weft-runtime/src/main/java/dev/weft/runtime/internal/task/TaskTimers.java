package dev.weft.runtime.internal.task;

import dev.weft.Async;
import dev.weft.runtime.internal.time.ThreadWakeup;
import dev.weft.runtime.internal.time.TimeDriver;
import dev.weft.task.CancelledException;

import java.util.function.Supplier;

/*
 * Implementation notes.
 *
 * Timeouts for the calling task, on its runtime's TimeDriver. (Sleeping is a pollable operation of its
 * own, dev.weft.time.Sleep, so that Select can wait for a timer next to other operations.)
 *
 * timeoutAt: open a CancelScope, arm a timer that cancels the scope and unparks the task, and await the
 * operation inline, in this task. When the deadline passes, the operation's next await point throws
 * CancelledException, which unwinds it through its finally blocks; timeoutAt catches that, and since
 * its scope was cancelled (and not the task) throws the caller's Elapsed exception. The timer is
 * cancelled in every case, and the scope closed, before timeoutAt returns or throws.
 */

/** The clock and timeouts of the calling task. See the implementation notes. */
public final class TaskTimers {

    private TaskTimers() {
    }

    /** The clock of the calling thread's runtime, or {@link System#nanoTime()} outside any runtime. */
    public static long now() {
        RuntimeCore runtime = TaskContext.currentRuntime();
        return runtime == null ? System.nanoTime() : runtime.timers().clock().nanoTime();
    }

    /**
     * Awaits {@code operation} in the calling task, cancelling it if it has not finished by
     * {@code deadlineNanos}; then throws the exception {@code elapsed} makes.
     */
    public static <T> T timeoutAt(long deadlineNanos, Async<T> operation, Supplier<RuntimeException> elapsed) {
        VirtualTask<?> task = TaskContext.requireTask("Time.timeout");
        TimeDriver timers = task.runtime.timers();
        CancelScope scope = task.openScope();
        ThreadWakeup alarm = new ThreadWakeup(Thread.currentThread(), scope::cancel);
        boolean armed = timers.register(alarm, deadlineNanos);
        if (!armed) {
            scope.cancel();
        }
        try {
            return operation.await();
        } catch (CancelledException cancelled) {
            if (scope.isCancelled() && !task.cancelRequested) {
                RuntimeException timedOut = elapsed.get();
                timedOut.initCause(cancelled);
                throw timedOut;
            }
            throw cancelled;
        } finally {
            task.closeScope(scope);
            if (armed && !alarm.hasFired()) {
                timers.cancel(alarm);
            }
        }
    }
}
