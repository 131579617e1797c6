package dev.weft.task;

import dev.weft.Async;

import java.util.concurrent.CompletableFuture;

/**
 * The handle of a spawned task: await it for the task's value, or abort the task.
 *
 * <p>Awaiting a handle ({@link #await()}, inherited from {@link Async}) waits for the task to finish and
 * returns its value, or throws what the task threw: unchecked exceptions and errors as they are, checked
 * ones wrapped in {@link TaskFailedException}, and {@link CancelledException} if the task was cancelled.
 * A handle may be awaited any number of times, from any task.
 *
 * <p>Dropping a handle detaches the task: it goes on running. If a detached task fails, the failure is
 * reported to the runtime's unhandled-failure handler (by default logged) once the handle is garbage
 * collected or the runtime shuts down; a failure that was awaited is never reported.
 *
 * {@snippet :
 * int answer = AsyncRuntime.run(() -> {
 *     JoinHandle<Integer> handle = Weft.spawn(Async.of(() -> 6 * 7));
 *     return handle.await();
 * });
 * }
 *
 * <h2>Cancellation</h2>
 * Awaiting is cancel-safe: if the awaiting task is cancelled, it stops waiting and the awaited task goes
 * on, unaffected. Await again later to get its value.
 *
 * @param <T> the type of the task's value
 */
public abstract class JoinHandle<T> extends Async<T> {

    /** For the runtime's implementation only. */
    protected JoinHandle() {
    }

    /**
     * Requests cancellation of the task: its next await point throws {@link CancelledException}, which
     * unwinds it through its {@code finally} blocks. A task that has not started yet never runs. Has no
     * effect on a task that already finished, or on a blocking task that has started. Returns at once;
     * await the handle to wait for the task to finish unwinding.
     */
    public abstract void abort();

    /** True once the task has finished, whichever way. */
    public abstract boolean isFinished();

    /** The task's id, unique within its runtime. */
    public abstract long id();

    /** A snapshot of the task's state. */
    public abstract TaskInfo info();

    /**
     * A future completed with the task's outcome, for code outside the runtime (it never blocks a
     * worker). Cancelling the future does not cancel the task.
     */
    public abstract CompletableFuture<T> toCompletableFuture();
}
