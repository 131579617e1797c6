package dev.weft.runtime.tests;

import dev.weft.Async;
import dev.weft.Weft;
import dev.weft.task.JoinHandle;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Operations that keep their task parked at a Weft await point until the task is cancelled, and count
 * how many of them have parked and how many unwound through their {@code finally} blocks.
 */
final class Parked {

    private final CountDownLatch parked;
    private final AtomicInteger unwound = new AtomicInteger();

    /** Tracks {@code tasks} operations made by {@link #untilCancelled()}. */
    Parked(int tasks) {
        this.parked = new CountDownLatch(tasks);
    }

    /**
     * An operation that never completes on its own: it awaits a helper task that awaits its own handle.
     * Cancelling the awaiting task makes the await throw {@code CancelledException}; the helper is then
     * aborted too, so nothing is left behind.
     */
    static <T> Async<T> forever() {
        return Async.of(() -> {
            CompletableFuture<JoinHandle<T>> self = new CompletableFuture<>();
            JoinHandle<T> loop = Weft.spawn(Async.of(() -> self.join().await()));
            self.complete(loop);
            try {
                return loop.await();
            } finally {
                loop.abort();
            }
        });
    }

    /** An operation that reports that it parked, waits {@link #forever()}, and counts its unwinding. */
    <T> Async<T> untilCancelled() {
        return Async.of(() -> {
            try {
                parked.countDown();
                return Parked.<T>forever().await();
            } finally {
                unwound.incrementAndGet();
            }
        });
    }

    /** Waits until every tracked operation has reached its await point. */
    void awaitAllParked() {
        Latches.await(parked, "the tasks to park");
    }

    /** How many tracked operations have run their {@code finally} blocks. */
    int unwound() {
        return unwound.get();
    }
}
