package dev.weft.runtime;

import dev.weft.Async;
import dev.weft.runtime.internal.task.RuntimeCore;
import dev.weft.runtime.internal.task.TaskContext;
import dev.weft.task.JoinHandle;

import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * A reference to a runtime that any thread may use to spawn tasks into it or block on operations, like
 * Tokio's {@code Handle}. Holding a handle does not keep the runtime open.
 *
 * {@snippet :
 * try (AsyncRuntime runtime = AsyncRuntime.builder().multiThread().build()) {
 *     RuntimeHandle handle = runtime.handle();
 *     JoinHandle<Integer> task = handle.spawn(Async.of(() -> 42));   // from a plain thread
 *     int value = handle.blockOn(task);
 * }
 * }
 */
public final class RuntimeHandle {

    private final RuntimeCore core;

    RuntimeHandle(RuntimeCore core) {
        this.core = core;
    }

    /** The handle of the runtime the calling task or blocking-pool thread belongs to, if any. */
    public static Optional<RuntimeHandle> current() {
        RuntimeCore runtime = TaskContext.currentRuntime();
        return runtime == null ? Optional.empty() : Optional.of((RuntimeHandle) runtime.publicHandle());
    }

    /**
     * Starts {@code operation} as a task of this runtime, from any thread. After shutdown began the task
     * never runs and its handle reports it cancelled.
     */
    public <T> JoinHandle<T> spawn(Async<T> operation) {
        return core.spawn(operation, null);
    }

    /** Like {@link #spawn(Async)} with a name for task dumps and failure reports. */
    public <T> JoinHandle<T> spawn(String name, Async<T> operation) {
        return core.spawn(operation, name);
    }

    /** Runs {@code body} on this runtime's blocking pool, from any thread. */
    public <T> JoinHandle<T> spawnBlocking(Callable<T> body) {
        return core.spawnBlocking(body, null);
    }

    /**
     * Runs {@code operation} as a task and blocks the calling thread until it finishes; see
     * {@link AsyncRuntime#blockOn(Async)}.
     */
    public <T> T blockOn(Async<T> operation) {
        return core.blockOn(operation);
    }

    /** The flavour of the runtime. */
    public Flavor flavor() {
        return core.config().flavor();
    }

    @Override
    public String toString() {
        return "RuntimeHandle[" + core.config().flavor() + ", " + core.config().threadNamePrefix() + "]";
    }
}
