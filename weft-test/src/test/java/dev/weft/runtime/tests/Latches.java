package dev.weft.runtime.tests;

import java.util.concurrent.CountDownLatch;

/** Waiting on latches from code that may not throw {@link InterruptedException} (runnables, helpers). */
final class Latches {

    private Latches() {
    }

    /** Waits for {@code latch}; an interrupt fails the test, naming {@code what} was awaited. */
    static void await(CountDownLatch latch, String what) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + what, e);
        }
    }
}
