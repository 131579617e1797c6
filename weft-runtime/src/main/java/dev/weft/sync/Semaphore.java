package dev.weft.sync;

import dev.weft.Async;
import dev.weft.runtime.internal.poll.PollingAsync;

import java.time.Duration;
import java.util.Optional;

/**
 * A fair counting semaphore for tasks: Tokio's {@code Semaphore}. Permits are handed out in the order
 * they were asked for; a request for many permits at the head of the queue holds back later, smaller
 * ones until it is served, so it is never starved. Each acquisition returns a {@link SemaphorePermit}
 * that gives its permits back when closed (try-with-resources).
 *
 * {@snippet :
 * Semaphore connections = new Semaphore(2);
 * AsyncRuntime.run(() -> {
 *     try (SemaphorePermit permit = connections.acquire().await()) {
 *         System.out.println("one of at most two at a time; " + connections.availablePermits() + " left");
 *     }
 * });
 * }
 *
 * <p>Naming: {@link #acquire()} awaits, {@link #tryAcquire()} never waits and returns an empty
 * {@code Optional} when the permits are not free, {@link #acquire(Duration)} awaits with a deadline and
 * throws {@link dev.weft.time.Elapsed} when it passes, {@link #blockingAcquire()} is for threads outside
 * the runtime.
 *
 * <h2>Cancellation</h2>
 * Acquiring is cancel-safe: an acquisition that is cancelled (aborted task, timeout, lost select) while
 * it waits gives back every permit already assigned to it and leaves the queue, so later waiters are
 * served as if it had never asked. It keeps its place in the queue only while it waits.
 *
 * <h2>Memory consistency effects</h2>
 * Actions before releasing a permit happen-before the actions after an acquisition that obtains it.
 *
 * <h2>Performance</h2>
 * Acquiring and releasing without contention is one compare-and-set each, with no lock; the wait queue
 * is locked only while someone waits.
 */
public final class Semaphore {

    /** The most permits a semaphore may hold: {@value}. */
    public static final int MAX_PERMITS = BatchSemaphore.MAX_PERMITS;

    private final BatchSemaphore permits;
    private final Async<SemaphorePermit> acquireOne;

    /**
     * Creates a semaphore with {@code permits} permits.
     *
     * @throws IllegalArgumentException if {@code permits} is negative
     */
    public Semaphore(int permits) {
        this.permits = new BatchSemaphore(permits);
        this.acquireOne = acquiring(1);
    }

    /**
     * An operation that waits for one permit.
     *
     * <h4>Cancellation</h4>
     * Cancel-safe: see the class documentation.
     *
     * @throws SemaphoreClosedException (when awaited) if the semaphore is or becomes closed while waiting
     */
    public Async<SemaphorePermit> acquire() {
        return acquireOne;
    }

    /**
     * An operation that waits for {@code count} permits, all at once: none is handed to the caller before
     * all are free. Waiters are served in order, so a large request holds back smaller later ones.
     *
     * <h4>Cancellation</h4>
     * Cancel-safe: the permits assigned to a cancelled waiter go to the next waiters or back to the
     * semaphore.
     *
     * @throws IllegalArgumentException if {@code count} is not positive
     * @throws SemaphoreClosedException (when awaited) if the semaphore is or becomes closed while waiting
     */
    public Async<SemaphorePermit> acquire(int count) {
        BatchSemaphore.checkRequest(count);
        return count == 1 ? acquireOne : acquiring(count);
    }

    /**
     * Like {@link #acquire()}, giving up after {@code timeout}: the operation then throws
     * {@link dev.weft.time.Elapsed} having consumed nothing. A permit that is free at once is taken even
     * with a zero timeout.
     *
     * <h4>Cancellation</h4>
     * Cancel-safe, as is giving up at the deadline.
     *
     * @throws IllegalArgumentException if {@code timeout} is negative or longer than 100 years
     */
    public Async<SemaphorePermit> acquire(Duration timeout) {
        return acquire(1, timeout);
    }

    /**
     * Like {@link #acquire(int)}, giving up after {@code timeout} with {@link dev.weft.time.Elapsed}.
     *
     * <h4>Cancellation</h4>
     * Cancel-safe, as is giving up at the deadline: permits assigned meanwhile are given back.
     *
     * @throws IllegalArgumentException if {@code count} is not positive, or {@code timeout} is negative or
     *                                  longer than 100 years
     */
    public Async<SemaphorePermit> acquire(int count, Duration timeout) {
        BatchSemaphore.checkRequest(count);
        return TimedAsync.of(acquiring(count), timeout, "acquiring " + count + " permit(s)");
    }

    /**
     * Takes one permit if it is free now and nobody waits; never waits.
     *
     * @return the permit, or empty when none is free (or waiters are ahead)
     * @throws SemaphoreClosedException if the semaphore is closed
     */
    public Optional<SemaphorePermit> tryAcquire() {
        return tryAcquire(1);
    }

    /**
     * Takes {@code count} permits if they are free now and nobody waits; never waits.
     *
     * @return the permits, or empty when not enough are free (or waiters are ahead)
     * @throws IllegalArgumentException if {@code count} is not positive
     * @throws SemaphoreClosedException if the semaphore is closed
     */
    public Optional<SemaphorePermit> tryAcquire(int count) {
        BatchSemaphore.checkRequest(count);
        return switch (permits.tryAcquire(count)) {
            case ACQUIRED -> Optional.of(new SemaphorePermit(permits, count));
            case NO_PERMITS -> Optional.empty();
            case CLOSED -> PermitRequest.refuseClosed();
        };
    }

    /**
     * Waits for one permit on a thread that is not a Weft task, parking the thread.
     *
     * @throws InterruptedException     if the thread is interrupted while it waits (nothing is consumed)
     * @throws SemaphoreClosedException if the semaphore is or becomes closed
     */
    public SemaphorePermit blockingAcquire() throws InterruptedException {
        return blockingAcquire(1);
    }

    /**
     * Waits for {@code count} permits on a thread that is not a Weft task, parking the thread.
     *
     * @throws IllegalArgumentException if {@code count} is not positive
     * @throws InterruptedException     if the thread is interrupted while it waits (nothing is consumed)
     * @throws SemaphoreClosedException if the semaphore is or becomes closed
     */
    public SemaphorePermit blockingAcquire(int count) throws InterruptedException {
        BatchSemaphore.checkRequest(count);
        return acquiring(count).awaitBlocking();
    }

    /**
     * Adds {@code count} permits: they go to the waiters first, oldest first, then to the free count.
     *
     * @throws IllegalArgumentException if {@code count} is negative
     * @throws IllegalStateException    if the free permits would exceed {@link #MAX_PERMITS}
     */
    public void addPermits(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count < 0: " + count);
        }
        permits.release(count);
    }

    /**
     * Removes up to {@code count} free permits for good (permits held by others are not affected).
     *
     * @return how many permits were removed
     * @throws IllegalArgumentException if {@code count} is negative
     */
    public int forgetPermits(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count < 0: " + count);
        }
        return permits.forgetPermits(count);
    }

    /** The permits free now (0 while anyone waits). */
    public int availablePermits() {
        return permits.availablePermits();
    }

    /**
     * Closes the semaphore: every waiter wakes and throws {@link SemaphoreClosedException}, and so does
     * every later acquisition. Permits already held can still be closed; they return to the count.
     */
    public void close() {
        permits.close();
    }

    /** True once {@link #close()} was called. */
    public boolean isClosed() {
        return permits.isClosed();
    }

    @Override
    public String toString() {
        return "Semaphore[available=" + availablePermits() + (isClosed() ? ", closed]" : "]");
    }

    private PollingAsync<SemaphorePermit> acquiring(int count) {
        return permits.acquiring(count, () -> new SemaphorePermit(permits, count));
    }
}
