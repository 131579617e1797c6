package dev.weft.bench.time;

import java.time.Duration;

/**
 * Where {@link MillionSleeps} keeps its sleeps: the tasks of a task system, each sleeping
 * ({@link TaskSleepHost}), or the callbacks of a timer executor ({@link ScheduledExecutorSleepHost}).
 */
interface SleepHost extends AutoCloseable {

    /**
     * Starts {@code count} sleeps of {@code duration}, from a thread outside the host, and returns once all
     * of them are spawned or scheduled. Each runs {@code whenStarted} as it begins to sleep and
     * {@code whenWoken} when its sleep has ended.
     */
    void startSleeps(int count, Duration duration, Runnable whenStarted, Runnable whenWoken);

    /** Ends the sleeps still pending and releases the host's threads. */
    @Override
    void close();
}
