package dev.weft.bench.workload;

import java.util.concurrent.CountDownLatch;

/**
 * Waiting on a {@link CountDownLatch}, the one wake-up primitive every workload uses on every peer. In
 * a virtual thread (a Weft task is one) {@code await} parks the task, not its carrier.
 */
public final class Latches {

    private Latches() {
    }

    /** Waits until {@code latch} reaches zero; an interrupt, which no workload sends, is a failure. */
    public static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting on a benchmark latch", e);
        }
    }
}
