package dev.weft.bench.peer;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The baseline: the JDK's virtual threads on its default scheduler, used the way the JDK documents
 * them, through one {@link Executors#newVirtualThreadPerTaskExecutor()}: {@code execute} for detached
 * tasks, {@code submit} and {@link Future#get()} where someone waits, {@link Thread#yield()} to yield.
 */
final class JdkVirtualThreadsPeer implements Peer {

    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

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
    public void close() {
        executor.close();
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
