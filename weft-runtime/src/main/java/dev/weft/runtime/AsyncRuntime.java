package dev.weft.runtime;

import dev.weft.Async;
import dev.weft.runtime.internal.task.RuntimeCore;
import dev.weft.task.JoinHandle;
import dev.weft.task.TaskInfo;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * A Weft runtime: a scheduler that runs tasks (virtual threads scheduled by Weft), a blocking pool, and
 * the registry of live tasks. The counterpart of Tokio's {@code Runtime}.
 *
 * <p>Most programs need one line in {@code main}:
 * {@snippet :
 * public static void main(String[] args) {
 *     AsyncRuntime.run(() -> {
 *         Async<Void> op = Async.run(() -> System.out.println("world"));
 *         System.out.println("hello");
 *         op.await();
 *     });
 * }
 * }
 * Others build one, use it, and close it:
 * {@snippet :
 * try (AsyncRuntime runtime = AsyncRuntime.builder().currentThread().build()) {
 *     String value = runtime.blockOn(Async.of(() -> "ready"));
 * }
 * }
 *
 * <h2>Weft's own scheduler</h2>
 * Weft schedules its virtual threads itself through a JDK hook that needs
 * {@code --add-opens java.base/java.lang=ALL-UNNAMED} (or {@code =dev.weft.runtime} on the module path);
 * Weft's launchers, jar manifests and build carry it. Without it a multi-thread runtime still works on the
 * JDK's default virtual-thread scheduler (one warning says so), and the current-thread flavour, whose
 * single-thread guarantee depends on Weft's scheduling, refuses to build.
 *
 * <h2>Shutdown</h2>
 * {@link #shutdown(Duration)} and {@link #close()} refuse new tasks, cancel the live ones (their next
 * await point throws {@link dev.weft.task.CancelledException}), wait for them to unwind up to the
 * timeout, then stop the workers. Both are idempotent.
 */
public final class AsyncRuntime implements AutoCloseable {

    private final RuntimeCore core;
    private final RuntimeHandle handle;

    AsyncRuntime(RuntimeCore core) {
        this.core = core;
        this.handle = new RuntimeHandle(core);
        core.attachPublicHandle(handle);
    }

    /** A builder for a runtime; multi-thread with one worker per core unless told otherwise. */
    public static AsyncRuntimeBuilder builder() {
        return new AsyncRuntimeBuilder();
    }

    /**
     * Builds the default runtime, runs {@code body} as its first task, waits for it, and closes the
     * runtime: Weft's {@code #[tokio::main]}. Returns the body's value.
     *
     * @throws dev.weft.AsyncException wrapping a checked exception thrown by the body (as
     *                                 {@link dev.weft.task.TaskFailedException}); unchecked ones are
     *                                 thrown as they are
     */
    public static <T> T run(Callable<T> body) {
        try (AsyncRuntime runtime = builder().build()) {
            return runtime.blockOn(Async.of(body));
        }
    }

    /** Like {@link #run(Callable)} for a body without a value. */
    public static void run(Runnable body) {
        try (AsyncRuntime runtime = builder().build()) {
            runtime.blockOn(Async.run(body));
        }
    }

    /**
     * Runs {@code operation} as a task of this runtime and blocks the calling thread until it finishes,
     * returning its value or throwing what it threw (see {@link JoinHandle}). On the current-thread
     * flavour the calling thread runs the runtime's tasks meanwhile.
     *
     * @throws IllegalStateException            if called from inside a task (await instead)
     * @throws dev.weft.task.CancelledException if the runtime shut down before the operation finished
     */
    public <T> T blockOn(Async<T> operation) {
        return core.blockOn(operation);
    }

    /** A handle for spawning into this runtime from any thread. */
    public RuntimeHandle handle() {
        return handle;
    }

    /** Starts {@code operation} as a task, from any thread; shorthand for {@code handle().spawn(op)}. */
    public <T> JoinHandle<T> spawn(Async<T> operation) {
        return core.spawn(operation, null);
    }

    /**
     * Shuts down: refuses new tasks, cancels the live ones, waits up to {@code timeout} for them to
     * unwind, then stops the workers. A task that never reaches an await point is left behind (a warning
     * names it). Idempotent; a second call waits for the first.
     *
     * @return true when every task finished within the timeout
     * @throws IllegalStateException if called from one of this runtime's own tasks
     */
    public boolean shutdown(Duration timeout) {
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout < 0: " + timeout);
        }
        return core.shutdown(timeout);
    }

    /** Shuts down with the builder's shutdown timeout (10 seconds by default). */
    @Override
    public void close() {
        core.shutdown(core.config().shutdownTimeout());
    }

    /** True once shutdown has begun. */
    public boolean isShutdown() {
        return core.isShutdown();
    }

    /** The flavour of this runtime. */
    public Flavor flavor() {
        return core.config().flavor();
    }

    /** True when tasks run on Weft's own scheduler; false on the JDK's default (see the class docs). */
    public boolean ownsScheduling() {
        return core.ownsScheduling();
    }

    /** A snapshot of the live tasks: id, name, state, spawn site. */
    public List<TaskInfo> tasks() {
        return core.tasks();
    }

    /** Counters of the scheduler and its workers. */
    public RuntimeMetrics metrics() {
        return new RuntimeMetrics(core.workerMetrics(), core.tasks().size(), core.blockingThreads(),
                core.pendingTimers());
    }

    @Override
    public String toString() {
        return "AsyncRuntime[" + flavor() + (ownsScheduling() ? "" : ", JDK default scheduler") + "]";
    }
}
