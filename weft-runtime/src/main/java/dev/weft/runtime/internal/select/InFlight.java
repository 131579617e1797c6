package dev.weft.runtime.internal.select;

import dev.weft.Async;
import dev.weft.runtime.internal.poll.Pollable;
import dev.weft.runtime.internal.poll.PollingAsync;
import dev.weft.runtime.internal.task.RuntimeCore;
import dev.weft.runtime.internal.task.TaskContext;
import dev.weft.runtime.internal.task.Tasks;
import dev.weft.task.JoinHandle;

/** Starts any {@link Async} as a {@link Pollable}, so that one task can wait for several operations. */
public final class InFlight {

    private InFlight() {
    }

    /**
     * Starts one evaluation of {@code operation}: a {@link PollingAsync} is polled in place by the calling
     * task; a {@link JoinHandle} through its task's completion; any other operation runs as a child task
     * spawned on the calling task's runtime, whose completion is polled.
     *
     * @throws IllegalStateException if the caller belongs to no runtime
     */
    public static <T> Pollable<T> start(Async<T> operation) {
        if (operation instanceof PollingAsync<T> polling) {
            return polling.start();
        }
        if (operation instanceof JoinHandle<T> handle) {
            return new TaskCompletion<>(Tasks.core(handle), false);
        }
        RuntimeCore runtime = TaskContext.currentRuntime();
        if (runtime == null) {
            throw new IllegalStateException("thread '" + Thread.currentThread().getName()
                    + "' belongs to no Weft runtime, so it cannot run an operation as a child task");
        }
        return new TaskCompletion<>(Tasks.core(runtime.spawn(operation, null)), true);
    }

    /** True when {@code started} is a child task that {@link #start} spawned and that must not outlive its caller. */
    public static boolean isOwnedChild(Pollable<?> started) {
        return started instanceof TaskCompletion<?> completion && completion.isOwnedChild();
    }

    /**
     * Waits until the child task behind {@code started} has finished (see {@link #isOwnedChild}), without
     * cancellation checks, after it was abandoned (which aborts it).
     */
    public static void awaitChild(Pollable<?> started) {
        ((TaskCompletion<?>) started).awaitFinished();
    }
}
