package dev.weft;

import dev.weft.runtime.internal.task.RuntimeCore;
import dev.weft.runtime.internal.task.TaskContext;
import dev.weft.runtime.internal.task.VirtualTask;
import dev.weft.task.JoinHandle;

import java.util.OptionalLong;
import java.util.concurrent.Callable;

/**
 * Entry points for code running inside a Weft runtime: spawning tasks, running blocking calls, yielding.
 *
 * {@snippet :
 * AsyncRuntime.run(() -> {
 *     JoinHandle<String> task = Weft.spawn(Async.of(() -> "done"));
 *     JoinHandle<Long> blocking = Weft.spawnBlocking(() -> java.nio.file.Files.size(java.nio.file.Path.of(".")));
 *     Weft.yieldNow().await();
 *     return task.await() + " " + blocking.await();
 * });
 * }
 */
public final class Weft {

    private static final Async<Void> YIELD = new Async<>() {
        @Override
        protected Void evaluate() {
            Thread.yield();
            return null;
        }
    };

    private Weft() {
    }

    /**
     * Starts {@code operation} as a new task on the current runtime and returns its handle. The task
     * starts at once; the handle may be awaited, aborted or dropped (detaching the task).
     *
     * @throws IllegalStateException if called outside a runtime (use {@code runtime.handle().spawn})
     * @throws NullPointerException  if {@code operation} is null
     */
    public static <T> JoinHandle<T> spawn(Async<T> operation) {
        return currentRuntime("Weft.spawn").spawn(operation, null);
    }

    /** Like {@link #spawn(Async)}, giving the task a name that task dumps and failure reports show. */
    public static <T> JoinHandle<T> spawn(String name, Async<T> operation) {
        return currentRuntime("Weft.spawn").spawn(operation, name);
    }

    /**
     * Runs {@code body} on the runtime's blocking pool, a bounded pool of platform threads meant for calls
     * that would hold a worker: file I/O, native calls, CPU-heavy work. Aborting the handle cancels the
     * call only if it has not started.
     *
     * @throws IllegalStateException if called outside a runtime
     */
    public static <T> JoinHandle<T> spawnBlocking(Callable<T> body) {
        return currentRuntime("Weft.spawnBlocking").spawnBlocking(body, null);
    }

    /**
     * An operation that gives the worker to other runnable tasks once and then continues.
     *
     * <h2>Cancellation</h2>
     * An await point like any other: throws {@link dev.weft.task.CancelledException} in a cancelled task.
     */
    public static Async<Void> yieldNow() {
        return YIELD;
    }

    /** The id of the calling task, or empty when the caller is not a Weft task. */
    public static OptionalLong currentTaskId() {
        VirtualTask<?> task = TaskContext.currentTask();
        return task == null ? OptionalLong.empty() : OptionalLong.of(task.id());
    }

    /** True when the caller is a Weft task. */
    public static boolean inTask() {
        return TaskContext.currentTask() != null;
    }

    private static RuntimeCore currentRuntime(String operation) {
        RuntimeCore runtime = TaskContext.currentRuntime();
        if (runtime == null) {
            throw new IllegalStateException(operation + " was called on thread '" + Thread.currentThread().getName()
                    + "', which belongs to no Weft runtime; call it from a task, or use runtime.handle().spawn(...)");
        }
        return runtime;
    }
}
