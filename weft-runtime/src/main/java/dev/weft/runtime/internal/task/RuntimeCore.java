package dev.weft.runtime.internal.task;

import dev.weft.Async;
import dev.weft.runtime.Flavor;
import dev.weft.runtime.WorkerStats;
import dev.weft.runtime.internal.engine.DefaultScheduledThreads;
import dev.weft.runtime.internal.engine.JdkVirtualThreadAccess;
import dev.weft.runtime.internal.engine.TaskThreadFactory;
import dev.weft.runtime.internal.engine.WeftScheduledThreads;
import dev.weft.runtime.internal.io.IoDriver;
import dev.weft.runtime.internal.scheduler.CurrentThreadScheduler;
import dev.weft.runtime.internal.scheduler.DriverThread;
import dev.weft.runtime.internal.scheduler.MultiThreadScheduler;
import dev.weft.runtime.internal.scheduler.TaskScheduler;
import dev.weft.runtime.internal.time.RuntimeClock;
import dev.weft.runtime.internal.time.TimeDriver;

import dev.weft.task.CancelledException;
import dev.weft.task.JoinHandle;
import dev.weft.task.TaskInfo;

import java.security.CodeSource;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/*
 * Implementation notes.
 *
 * The engine room behind AsyncRuntime: scheduler, task-thread factory, registry, blocking pool and the
 * unobserved-failure tracker.
 *
 * Life cycle: RUNNING -> SHUTTING_DOWN -> TERMINATED, moved by shutdown() (state CAS; a second caller
 * waits for the first to finish). Shutdown closes the registry (new spawns complete cancelled without
 * running), requests cancellation of every live task, wakes every I/O waiter with a shutdown error, and lets the tasks unwind: the multi-thread
 * workers keep running them; the current-thread flavour has no workers, so the shutting-down thread
 * drives the scheduler itself. Then the scheduler stops. Tasks still alive at the deadline are left
 * where they are (reported in a warning); their virtual threads are never run again.
 *
 * Spawning: a task is registered before its thread starts, so shutdown's cancelAll() sees every task
 * that will ever run.
 *
 * Random choices outside the scheduler (the start branch of a fair select) come from `choices`, a
 * SplitMix64 sequence seeded from the runtime's one seed: one atomic add per draw, so draws made in a
 * deterministic order (the current-thread flavour) repeat exactly for a seed.
 */

/** The internals of one runtime. See the implementation notes. */
public final class RuntimeCore {

    private static final int RUNNING = 0;
    private static final int SHUTTING_DOWN = 1;
    private static final int TERMINATED = 2;
    private static final CodeSource OWN_CODE = RuntimeCore.class.getProtectionDomain().getCodeSource();
    private static final System.Logger LOG = System.getLogger("dev.weft.runtime");

    final RuntimeConfig config;
    final TaskRegistry registry;
    final UnobservedFailures failures;
    private final TaskScheduler scheduler;
    private final TaskThreadFactory threads;
    private final BlockingPool blocking;
    private final TimeDriver timers = new TimeDriver(new RuntimeClock());
    private final IoDriver io = new IoDriver();
    private final DriverThread driverThread;
    private final AtomicLong ids = new AtomicLong(1);
    private final AtomicInteger state = new AtomicInteger(RUNNING);
    private final AtomicLong choices;
    private volatile boolean terminated;
    private volatile boolean drained;
    private Object publicHandle;

    /**
     * Builds and starts a runtime.
     *
     * @throws UnsupportedOperationException for the current-thread flavour when Weft cannot own the
     *                                       scheduling (java.lang not opened)
     */
    public RuntimeCore(RuntimeConfig config) {
        this.config = config;
        this.choices = new AtomicLong(config.seed());
        if (config.startPaused()) {
            requirePausableClock(config.flavor(), JdkVirtualThreadAccess.isAvailable());
        }
        this.blocking = new BlockingPool(this, config.maxBlockingThreads(), config.blockingKeepAlive().toNanos(),
                config.threadNamePrefix() + "blocking-", config.hooks());
        if (JdkVirtualThreadAccess.isAvailable()) {
            this.scheduler = config.flavor() == Flavor.CURRENT_THREAD
                    ? new CurrentThreadScheduler(config.budget(), timers, io, blocking::isIdle)
                    : new MultiThreadScheduler(config.workerThreads(), config.threadNamePrefix() + "worker-",
                    config.hooks(), config.seed(), config.budget(), timers, io);
            this.threads = new WeftScheduledThreads(scheduler);
            this.driverThread = null;
        } else if (config.flavor() == Flavor.CURRENT_THREAD) {
            throw new UnsupportedOperationException("the current-thread runtime needs Weft's own scheduler, and "
                    + JdkVirtualThreadAccess.unavailableReason() + ". Start the JVM with "
                    + JdkVirtualThreadAccess.OPEN_OPTION + " (or =dev.weft.runtime on the module path).");
        } else {
            this.scheduler = null;
            this.threads = new DefaultScheduledThreads();
            this.driverThread = new DriverThread(timers, io, config.threadNamePrefix() + "driver");
        }
        this.registry = new TaskRegistry(config.flavor() == Flavor.CURRENT_THREAD ? 1 : config.workerThreads());
        this.failures = new UnobservedFailures(config.unhandledFailures());
        if (config.startPaused()) {
            timers.clock().pause();
        }
        if (scheduler != null) {
            scheduler.start();
        }
    }

    public RuntimeConfig config() {
        return config;
    }

    /** Ties the public object representing this runtime to it; see {@link #publicHandle()}. */
    public void attachPublicHandle(Object handle) {
        this.publicHandle = handle;
    }

    /** The public object attached with {@link #attachPublicHandle(Object)}. */
    public Object publicHandle() {
        return publicHandle;
    }

    /** Starts {@code operation} as a new task. After shutdown began, the task never runs: it is cancelled. */
    public <T> JoinHandle<T> spawn(Async<T> operation, String name) {
        Objects.requireNonNull(operation, "operation");
        VirtualTask<T> task = new VirtualTask<>(this, ids.getAndIncrement(), name, operation);
        JoinHandle<T> handle = task.handle();
        if (admit(task)) {
            try {
                task.startOn(threads.newTaskThread(task));
            } catch (RuntimeException | Error e) {
                task.completeExceptionally(e);
            }
        }
        return handle;
    }

    /** Runs {@code body} on the blocking pool. */
    public <T> JoinHandle<T> spawnBlocking(Callable<T> body, String name) {
        Objects.requireNonNull(body, "body");
        BlockingTask<T> task = new BlockingTask<>(this, ids.getAndIncrement(), name, body);
        JoinHandle<T> handle = task.handle();
        if (admit(task) && !blocking.submit(task)) {
            task.complete(TaskCore.CANCELLED);
        }
        return handle;
    }

    /**
     * Registers a new task, recording its spawn site when configured; false (and the task completed
     * cancelled) when the runtime is shutting down.
     */
    private boolean admit(TaskCore<?> task) {
        if (!registry.register(task)) {
            task.complete(TaskCore.CANCELLED);
            return false;
        }
        if (config.captureSpawnSites()) {
            task.spawnSite = callerFrame();
        }
        return true;
    }

    /** Runs {@code operation} as a task and waits for it on the calling thread, which must not be a task. */
    public <T> T blockOn(Async<T> operation) {
        if (TaskContext.currentTask() != null) {
            throw new IllegalStateException("blockOn was called from inside a task, which would block its worker;"
                    + " await the operation instead");
        }
        JoinHandle<T> handle = spawn(operation, null);
        TaskCore<T> task = Tasks.core(handle);
        if (scheduler instanceof CurrentThreadScheduler currentThread) {
            Thread caller = Thread.currentThread();
            task.onComplete(done -> LockSupport.unpark(caller));
            if (!currentThread.runUntil(task::isDone, CurrentThreadScheduler.NO_DEADLINE)) {
                throw new CancelledException("the runtime shut down before blockOn's operation finished");
            }
            return task.resultOrThrow();
        }
        return task.joinBlocking();
    }

    /**
     * Stops the runtime: refuses new tasks, cancels the live ones and waits up to {@code timeout} for
     * them to unwind, then stops the workers. Returns true when every task finished in time. Idempotent.
     */
    public boolean shutdown(Duration timeout) {
        if (TaskContext.currentRuntime() == this) {
            throw new IllegalStateException("a runtime cannot be shut down from one of its own tasks or threads;"
                    + " shut it down from the thread that built it");
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        if (!state.compareAndSet(RUNNING, SHUTTING_DOWN)) {
            while (!terminated && System.nanoTime() - deadline < 0) {
                LockSupport.parkNanos(1_000_000L);
            }
            return drained;
        }
        registry.close();
        registry.cancelAll();
        io.shutdown();
        blocking.shutdown();
        boolean allDone;
        if (scheduler instanceof CurrentThreadScheduler currentThread) {
            // Run the cancelled tasks here; a blocking task finishing on a pool thread unparks us.
            registry.setDrainWaiter(Thread.currentThread());
            try {
                allDone = currentThread.runUntil(() -> registry.size() == 0, deadline);
            } finally {
                registry.setDrainWaiter(null);
            }
        } else {
            allDone = registry.awaitEmpty(deadline);
        }
        if (driverThread != null) {
            driverThread.close();
        }
        if (scheduler != null) {
            scheduler.stop();
            try {
                scheduler.awaitStopped(Math.max(0, deadline - System.nanoTime()) + 100_000_000L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        io.close();
        if (!allDone) {
            List<TaskInfo> stuck = registry.snapshot();
            LOG.log(System.Logger.Level.WARNING, "runtime shut down after " + timeout + " with " + stuck.size()
                    + " task(s) still running (they did not reach an await point): "
                    + stuck.subList(0, Math.min(5, stuck.size())));
        }
        failures.reportAll();
        drained = allDone;
        state.set(TERMINATED);
        terminated = true;
        return allDone;
    }

    public boolean isShutdown() {
        return state.get() != RUNNING;
    }

    /**
     * Spends one unit of the calling task's cooperative budget; true when it should yield. On Weft's
     * schedulers the budget belongs to the worker; on the JDK's scheduler, to the task.
     */
    boolean spendBudget(VirtualTask<?> task) {
        return scheduler != null ? scheduler.spendBudget() : task.spendOwnBudget();
    }

    /**
     * Throws {@link UnsupportedOperationException} unless a runtime of this shape can pause its clock:
     * the current-thread flavour on Weft's own scheduler, whose one driving thread can tell that every
     * task is idle (the condition for auto-advancing a paused clock).
     */
    public static void requirePausableClock(Flavor flavor, boolean ownsScheduling) {
        if (flavor != Flavor.CURRENT_THREAD || !ownsScheduling) {
            throw new UnsupportedOperationException("a paused clock needs the current-thread flavour on Weft's own"
                    + " scheduler (AsyncRuntime.builder().currentThread()); this runtime is " + flavor
                    + (ownsScheduling ? "" : " on the JDK's default scheduler"));
        }
    }

    /** The runtime's I/O driver. */
    public IoDriver io() {
        return io;
    }

    /**
     * A value in {@code [0, bound)} from the runtime's seeded sequence of choices (SplitMix64); thread-safe.
     * {@code bound} must be positive.
     */
    public int nextChoice(int bound) {
        long z = choices.addAndGet(0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        return (int) (((z >>> 32) * bound) >>> 32);
    }

    /** The runtime's timers and, through them, its clock. */
    public TimeDriver timers() {
        return timers;
    }

    /** A snapshot of the live tasks. */
    public List<TaskInfo> tasks() {
        return registry.snapshot();
    }

    /** Per-worker counters; empty when the JDK's default scheduler runs the tasks. */
    public List<WorkerStats> workerMetrics() {
        return scheduler == null ? List.of() : scheduler.metrics();
    }

    /** The scheduler, or null when tasks run on the JDK's default scheduler. */
    public TaskScheduler scheduler() {
        return scheduler;
    }

    /** True when tasks run on Weft's own scheduler. */
    public boolean ownsScheduling() {
        return threads.ownsScheduling();
    }

    /** Timers pending in the runtime's wheel. */
    public int pendingTimers() {
        return timers.pending();
    }

    /** Threads in the blocking pool right now. */
    public int blockingThreads() {
        return blocking.threadCount();
    }

    private static StackTraceElement callerFrame() {
        return StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).walk(frames -> frames
                .filter(frame -> !Objects.equals(frame.getDeclaringClass().getProtectionDomain().getCodeSource(),
                        OWN_CODE))
                .findFirst()
                .map(StackWalker.StackFrame::toStackTraceElement)
                .orElse(null));
    }
}
