package dev.weft.runtime;

import dev.weft.runtime.internal.scheduler.SchedulerHooks;
import dev.weft.runtime.internal.task.RuntimeConfig;
import dev.weft.runtime.internal.task.RuntimeCore;
import dev.weft.task.TaskInfo;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiConsumer;

/**
 * Configures and builds an {@link AsyncRuntime}; obtained from {@link AsyncRuntime#builder()}.
 *
 * {@snippet :
 * AsyncRuntime runtime = AsyncRuntime.builder()
 *         .multiThread()
 *         .workerThreads(4)
 *         .threadNamePrefix("app-")
 *         .maxBlockingThreads(64)
 *         .build();
 * }
 *
 * Every setter checks its argument and throws {@link IllegalArgumentException} naming the rule and the
 * value.
 */
public final class AsyncRuntimeBuilder {

    private Flavor flavor = Flavor.MULTI_THREAD;
    private int workerThreads = Runtime.getRuntime().availableProcessors();
    private String threadNamePrefix = "weft-";
    private Runnable onThreadStart = () -> { };
    private Runnable onThreadStop = () -> { };
    private int maxBlockingThreads = 512;
    private Duration blockingKeepAlive = Duration.ofSeconds(10);
    private int budget = 128;
    private long seed = ThreadLocalRandom.current().nextLong();
    private boolean captureSpawnSites;
    private BiConsumer<TaskInfo, Throwable> unhandledFailureHandler = RuntimeConfig.LOG_FAILURES;
    private Duration shutdownTimeout = Duration.ofSeconds(10);
    private boolean startPaused;

    AsyncRuntimeBuilder() {
    }

    /** Worker threads that steal work from each other (the default). */
    public AsyncRuntimeBuilder multiThread() {
        this.flavor = Flavor.MULTI_THREAD;
        return this;
    }

    /** All tasks on the thread that calls {@code blockOn}; see {@link Flavor#CURRENT_THREAD}. */
    public AsyncRuntimeBuilder currentThread() {
        this.flavor = Flavor.CURRENT_THREAD;
        return this;
    }

    /** Chooses the flavour. */
    public AsyncRuntimeBuilder flavor(Flavor flavor) {
        this.flavor = Objects.requireNonNull(flavor, "flavor");
        return this;
    }

    /** Worker threads of the multi-thread flavour; default: the number of available processors. */
    public AsyncRuntimeBuilder workerThreads(int count) {
        if (count < 1 || count > 32_767) {
            throw new IllegalArgumentException("workerThreads must be in [1, 32767]: " + count);
        }
        this.workerThreads = count;
        return this;
    }

    /** Prefix of the names of the runtime's threads ({@code weft-} by default). */
    public AsyncRuntimeBuilder threadNamePrefix(String prefix) {
        this.threadNamePrefix = Objects.requireNonNull(prefix, "prefix");
        return this;
    }

    /** Runs on each thread the runtime starts (workers and blocking threads), before anything else. */
    public AsyncRuntimeBuilder onThreadStart(Runnable hook) {
        this.onThreadStart = Objects.requireNonNull(hook, "hook");
        return this;
    }

    /** Runs on each thread the runtime starts, last thing before it exits. */
    public AsyncRuntimeBuilder onThreadStop(Runnable hook) {
        this.onThreadStop = Objects.requireNonNull(hook, "hook");
        return this;
    }

    /** Upper bound of the blocking pool (512 by default). */
    public AsyncRuntimeBuilder maxBlockingThreads(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("maxBlockingThreads < 1: " + count);
        }
        this.maxBlockingThreads = count;
        return this;
    }

    /** How long an idle blocking thread waits for work before it exits (10 seconds by default). */
    public AsyncRuntimeBuilder blockingKeepAlive(Duration keepAlive) {
        if (keepAlive.isNegative() || keepAlive.isZero()) {
            throw new IllegalArgumentException("blockingKeepAlive must be positive: " + keepAlive);
        }
        this.blockingKeepAlive = keepAlive;
        return this;
    }

    /**
     * Await points a task may pass without parking before it is made to yield its worker (128 by
     * default, as Tokio).
     */
    public AsyncRuntimeBuilder budget(int awaitPoints) {
        if (awaitPoints < 1) {
            throw new IllegalArgumentException("budget < 1: " + awaitPoints);
        }
        this.budget = awaitPoints;
        return this;
    }

    /** Seeds every random scheduling choice (steal order), so runs can be reproduced. */
    public AsyncRuntimeBuilder seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** Records where each task was spawned, for task dumps (costs a stack walk per spawn; off by default). */
    public AsyncRuntimeBuilder captureSpawnSites(boolean capture) {
        this.captureSpawnSites = capture;
        return this;
    }

    /**
     * Receives the failures of tasks whose handles were dropped without being awaited (by default they
     * are logged through {@link System.Logger} at ERROR).
     */
    public AsyncRuntimeBuilder unhandledFailureHandler(BiConsumer<TaskInfo, Throwable> handler) {
        this.unhandledFailureHandler = Objects.requireNonNull(handler, "handler");
        return this;
    }

    /** How long {@link AsyncRuntime#close()} waits for tasks to unwind (10 seconds by default). */
    public AsyncRuntimeBuilder shutdownTimeout(Duration timeout) {
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("shutdownTimeout < 0: " + timeout);
        }
        this.shutdownTimeout = timeout;
        return this;
    }

    /**
     * Starts the runtime with its clock paused, for tests (see {@link dev.weft.time.TestClock}). Only the
     * current-thread flavour supports a paused clock; {@link #build()} refuses otherwise.
     */
    public AsyncRuntimeBuilder startPaused(boolean paused) {
        this.startPaused = paused;
        return this;
    }

    /**
     * Builds and starts the runtime.
     *
     * @throws UnsupportedOperationException for the current-thread flavour when {@code java.lang} is not
     *                                       opened to Weft (see {@link AsyncRuntime}), or for
     *                                       {@code startPaused(true)} on the multi-thread flavour
     */
    public AsyncRuntime build() {
        RuntimeConfig config = new RuntimeConfig(flavor, workerThreads, threadNamePrefix,
                new SchedulerHooks(onThreadStart, onThreadStop), maxBlockingThreads, blockingKeepAlive, budget, seed,
                captureSpawnSites, unhandledFailureHandler, shutdownTimeout, startPaused);
        return new AsyncRuntime(new RuntimeCore(config));
    }
}
