package dev.weft.bench.peer;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The baseline: the JDK's virtual threads on its default scheduler, used the way the JDK documents
 * them, through one {@link Executors#newVirtualThreadPerTaskExecutor()}: {@code execute} for detached
 * tasks, {@code submit} and {@link Future#get()} where someone waits, {@link Thread#yield()} to yield,
 * {@link Thread#sleep(Duration)} to sleep.
 *
 * <p>The JDK has no timer that is armed only when someone waits on it, so a timeout around work that is
 * already done, and a sleep created and dropped, are both a timer armed on a
 * {@link ScheduledThreadPoolExecutor} and cancelled: {@code schedule(task, duration)} then
 * {@code cancel(false)}, with cancelled timers removed from its queue at once (the JDK's own timers for
 * virtual threads are such executors).
 */
final class JdkVirtualThreadsPeer implements Peer {

    private static final Runnable NOTHING = () -> { };

    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1);

    JdkVirtualThreadsPeer() {
        timers.setRemoveOnCancelPolicy(true);
    }

    @Override
    public PeerKind kind() {
        return PeerKind.JDK_VIRTUAL_THREADS;
    }

    @Override
    public void blockOn(Runnable root) {
        join(executor.submit(root));
    }

    @Override
    public void spawn(Runnable body) {
        executor.execute(body);
    }

    @Override
    public Join spawnJoinable(Runnable body) {
        Future<?> future = executor.submit(body);
        return () -> join(future);
    }

    @Override
    public void spawnFromOutsideAndJoin(int count, Runnable body) {
        Future<?>[] futures = new Future<?>[count];
        for (int i = 0; i < count; i++) {
            futures[i] = executor.submit(body);
        }
        for (Future<?> future : futures) {
            join(future);
        }
    }

    @Override
    public void yieldNow() {
        Thread.yield();
    }

    @Override
    public void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void awaitCompletedWithTimeout(Duration timeout) {
        armAndCancelTimer(timeout);
    }

    @Override
    public Object createSleep(Duration duration) {
        return armAndCancelTimer(duration);
    }

    /** Interrupts the virtual threads still alive (sleepers, for instance), then waits for all of them. */
    @Override
    public void close() {
        timers.shutdownNow();
        executor.shutdownNow();
        executor.close();
    }

    private Future<?> armAndCancelTimer(Duration duration) {
        Future<?> timer = timers.schedule(NOTHING, duration.toNanos(), TimeUnit.NANOSECONDS);
        timer.cancel(false);
        return timer;
    }

    private static void join(Future<?> future) {
        try {
            future.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("a benchmark task failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a benchmark task", e);
        }
    }
}
