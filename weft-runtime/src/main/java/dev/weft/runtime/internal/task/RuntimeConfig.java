package dev.weft.runtime.internal.task;

import dev.weft.runtime.Flavor;
import dev.weft.runtime.internal.scheduler.SchedulerHooks;
import dev.weft.task.TaskInfo;

import java.time.Duration;
import java.util.function.BiConsumer;

/**
 * Everything a runtime is built from; made by {@code AsyncRuntime.Builder}, which checks the values.
 *
 * @param flavor                 current-thread or multi-thread
 * @param workerThreads          workers of the multi-thread flavour
 * @param threadNamePrefix       prefix of the names of the runtime's threads
 * @param hooks                  run first and last on every thread the runtime starts
 * @param maxBlockingThreads     bound of the blocking pool
 * @param blockingKeepAlive      how long an idle blocking thread lives
 * @param budget                 await points a task may pass before it is made to yield
 * @param seed                   the one seed of every random scheduling choice
 * @param captureSpawnSites      whether tasks record where they were spawned (costs a stack walk)
 * @param unhandledFailures      receives failures of tasks that nobody awaited
 * @param shutdownTimeout        how long {@code close()} waits for tasks to unwind
 * @param startPaused            whether the clock starts paused (current-thread flavour only)
 */
public record RuntimeConfig(Flavor flavor, int workerThreads, String threadNamePrefix, SchedulerHooks hooks,
                            int maxBlockingThreads, Duration blockingKeepAlive, int budget, long seed,
                            boolean captureSpawnSites, BiConsumer<TaskInfo, Throwable> unhandledFailures,
                            Duration shutdownTimeout, boolean startPaused) {

    /** The handler used when none is configured: logs through {@link System.Logger}. */
    public static final BiConsumer<TaskInfo, Throwable> LOG_FAILURES = UnobservedFailures::log;
}
