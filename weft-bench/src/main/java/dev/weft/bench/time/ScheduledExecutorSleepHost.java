package dev.weft.bench.time;

import dev.weft.bench.Contestant;

import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The JDK's timer executor as a {@link SleepHost}: a {@link ScheduledThreadPoolExecutor} with one thread
 * per core, a sleep being a callback scheduled on it. No task waits: the callback is what runs on waking.
 */
final class ScheduledExecutorSleepHost implements SleepHost {

    /** This host's column in reports. */
    static final Contestant CONTESTANT = Contestant.baseline("JDK ScheduledThreadPoolExecutor", "STPE");

    private final ScheduledThreadPoolExecutor executor =
            new ScheduledThreadPoolExecutor(Runtime.getRuntime().availableProcessors());

    ScheduledExecutorSleepHost() {
        executor.setRemoveOnCancelPolicy(true);
    }

    @Override
    public void startSleeps(int count, Duration duration, Runnable whenStarted, Runnable whenWoken) {
        long nanos = duration.toNanos();
        for (int i = 0; i < count; i++) {
            executor.schedule(whenWoken, nanos, TimeUnit.NANOSECONDS);
            whenStarted.run();
        }
    }

    /** Drops the callbacks still scheduled and waits for the executor's threads to end. */
    @Override
    public void close() {
        executor.shutdownNow();
        executor.close();
    }
}
