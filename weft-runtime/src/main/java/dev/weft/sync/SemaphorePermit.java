package dev.weft.sync;

/**
 * Permits taken from a {@link Semaphore}; closing it gives them back (use try-with-resources).
 *
 * {@snippet :
 * Semaphore pool = new Semaphore(3);
 * AsyncRuntime.run(() -> {
 *     try (SemaphorePermit two = pool.acquire(2).await()) {
 *         System.out.println(two.permits() + " taken, " + pool.availablePermits() + " free");
 *     }
 * });
 * }
 *
 * <p>A permit belongs to one task at a time: hand it over with the task that owns it (spawn, a channel),
 * not by closing it from two threads at once. Closing it again, or after {@link #forget()}, does nothing.
 */
public final class SemaphorePermit implements AutoCloseable {

    private final BatchSemaphore semaphore;
    private int permits;

    SemaphorePermit(BatchSemaphore semaphore, int permits) {
        this.semaphore = semaphore;
        this.permits = permits;
    }

    /** How many permits this holds (0 once closed or forgotten). */
    public int permits() {
        return permits;
    }

    /** Keeps the permits out of the semaphore for good: closing this afterwards gives nothing back. */
    public void forget() {
        permits = 0;
    }

    /** Gives the permits back to the semaphore: to its waiters first, oldest first. Idempotent. */
    @Override
    public void close() {
        int held = permits;
        if (held > 0) {
            permits = 0;
            semaphore.release(held);
        }
    }

    @Override
    public String toString() {
        return "SemaphorePermit[" + permits + "]";
    }
}
