package dev.weft.sync;

import dev.weft.runtime.internal.poll.Pollable;
import dev.weft.runtime.internal.poll.PollingAsync;
import dev.weft.runtime.internal.poll.WaitList;
import dev.weft.runtime.internal.poll.WakeBatch;
import dev.weft.runtime.internal.poll.Waker;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/*
 * Implementation notes.
 *
 * The fair counting semaphore behind Semaphore, Mutex, RwLock and OnceCell: Tokio's batch_semaphore
 * (tokio/src/sync/batch_semaphore.rs), with one change: releasing permits is lock-free while nobody
 * waits (Tokio always takes the wait-list lock to release).
 *
 * The state word:
 *
 *   bit 63 ........................ 2 |    1    |   0
 *   permits free for anyone to take   | WAITERS | CLOSED
 *
 * Invariants, true whenever `lock` is free:
 *   - WAITERS is set exactly when the wait list is not empty; it is set and cleared under the lock.
 *   - WAITERS set => no free permits. Permits released while anyone waits are assigned to the waiters,
 *     oldest first; a waiter at the head that needs more than was released keeps what it was given and
 *     holds back everyone behind it (a big request is not starved by small ones; no barging).
 *   - While WAITERS is set the state changes only under the lock. The lock-free paths (tryAcquire, the
 *     fast path of acquire and of release) act only while it is clear, and they CAS the same word that
 *     the locked paths CAS, so a lock-free release and an acquirer that starts to wait serialise on it:
 *     either the release lands first and the acquirer sees the permits, or the acquirer's CAS (taking
 *     the free permits and setting WAITERS) lands first and the release goes to the locked path.
 *
 * Awaiting an acquisition first tries PollingAsync.completeNow: the CAS that a first poll makes while the
 * permits are free and nobody waits, before any PermitRequest exists (Select polls and skips it).
 *
 * A waiter (PermitRequest) is queued on its first poll that cannot complete, after taking whatever was
 * free; `remaining` is what it still needs. Releasers assign permits to it and dequeue it once it has
 * all; its next poll completes. Abandoning it gives back what it was assigned, through the same path as
 * a release, so a cancelled acquire consumes nothing. close() sets CLOSED and dequeues every waiter;
 * their next poll fails (giving back anything assigned), as does every later acquire. Wakers are always
 * called after the lock is released.
 *
 * Memory ordering: every transition of the state word is a volatile CAS, and assignments to waiters
 * happen under the lock that the waiter's completing poll also takes, so whatever a releaser did before
 * releasing happens-before whatever the acquirer does after acquiring.
 */

/** Fair counting semaphore, shared by the locks of this package. See the implementation notes. */
final class BatchSemaphore {

    /** The most permits a semaphore may hold. */
    static final int MAX_PERMITS = Integer.MAX_VALUE;

    private static final long CLOSED = 1L;
    private static final long WAITERS = 2L;
    private static final int SHIFT = 2;
    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(BatchSemaphore.class, "state", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The result of an attempt that never waits. */
    enum Attempt { ACQUIRED, NO_PERMITS, CLOSED }

    @SuppressWarnings("unused") // accessed through STATE
    private volatile long state;
    private final ReentrantLock lock = new ReentrantLock();
    private final WaitList<PermitRequest<?>> waiters = new WaitList<>();

    BatchSemaphore(int permits) {
        if (permits < 0) {
            throw new IllegalArgumentException("permits < 0: " + permits);
        }
        state = (long) permits << SHIFT;
    }

    /**
     * The operation acquiring {@code count} permits; {@code granted} makes the value handed out. Its fast
     * path is the first poll's: take the permits by CAS while they are free and nobody waits.
     */
    <R> PollingAsync<R> acquiring(int count, Supplier<? extends R> granted) {
        return new PollingAsync<>() {
            @Override
            public Pollable<R> start() {
                return new PermitRequest<>(BatchSemaphore.this, count, granted, PermitRequest::refuseClosed);
            }

            @Override
            protected Object completeNow() {
                return tryTakeUncontended(count) ? granted.get() : WOULD_WAIT;
            }
        };
    }

    static void checkRequest(int permits) {
        if (permits <= 0) {
            throw new IllegalArgumentException("permits <= 0: " + permits);
        }
    }

    int availablePermits() {
        return (int) (state >>> SHIFT);
    }

    boolean isClosed() {
        return (state & CLOSED) != 0;
    }

    /** Takes {@code permits} if they are free and nobody waits; never waits, never queues. */
    Attempt tryAcquire(int permits) {
        long curr = state;
        while (true) {
            if ((curr & CLOSED) != 0) {
                return Attempt.CLOSED;
            }
            if ((curr >>> SHIFT) < permits) {
                return Attempt.NO_PERMITS;
            }
            long witness = (long) STATE.compareAndExchange(this, curr, curr - ((long) permits << SHIFT));
            if (witness == curr) {
                return Attempt.ACQUIRED;
            }
            curr = witness;
        }
    }

    /** Takes {@code permits} as {@link #tryAcquire(int)}; the value {@code granted} makes, or empty. */
    <G> Optional<G> tryAcquire(int permits, Supplier<G> granted) {
        return tryAcquire(permits) == Attempt.ACQUIRED ? Optional.of(granted.get()) : Optional.empty();
    }

    /** Gives {@code permits} back (or adds new ones): to the waiters first, oldest first, then to the count. */
    void release(int permits) {
        if (permits == 0) {
            return;
        }
        long curr = state;
        while ((curr & WAITERS) == 0) {
            long witness = (long) STATE.compareAndExchange(this, curr, plusPermits(curr, permits));
            if (witness == curr) {
                return;
            }
            curr = witness;
        }
        UnderLock.thenWake(lock, woken -> releaseLocked(permits, woken));
    }

    /** Removes up to {@code permits} free permits; returns how many were removed. */
    int forgetPermits(int permits) {
        long curr = state;
        while (true) {
            long free = curr >>> SHIFT;
            long taken = Math.min(free, permits);
            long witness = (long) STATE.compareAndExchange(this, curr, curr - (taken << SHIFT));
            if (witness == curr) {
                return (int) taken;
            }
            curr = witness;
        }
    }

    /** Closes the semaphore: every waiter and every later acquire fails. Permits can still be released. */
    void close() {
        UnderLock.thenWake(lock, woken -> {
            long curr = state;
            while (true) {
                long witness = (long) STATE.compareAndExchange(this, curr, (curr | CLOSED) & ~WAITERS);
                if (witness == curr) {
                    break;
                }
                curr = witness;
            }
            waiters.drain(request -> woken.add(request));
        });
    }

    /** One poll of {@code request}: true once it has completed, granted or failed because of close. */
    boolean poll(PermitRequest<?> request, Waker waker) {
        if (!request.registered && tryTakeUncontended(request.requested)) {
            request.outcome = PermitRequest.GRANTED;
            return true;
        }
        WakeBatch woken = null;
        lock.lock();
        try {
            long curr = state;
            if ((curr & CLOSED) != 0) {
                woken = new WakeBatch();
                giveBackLocked(request, woken);
                request.outcome = PermitRequest.FAILED;
                return true;
            }
            if (request.registered) {
                if (!request.isQueued()) {
                    request.outcome = PermitRequest.GRANTED;
                    return true;
                }
                request.setWaker(waker);
                return false;
            }
            return takeOrQueueLocked(request, waker, curr);
        } finally {
            lock.unlock();
            if (woken != null) {
                woken.wakeAll();
            }
        }
    }

    /** Gives up a request that has not completed, handing back any permits assigned to it. */
    void abandon(PermitRequest<?> request) {
        if (!request.registered || request.outcome != PermitRequest.PENDING) {
            return;
        }
        UnderLock.thenWake(lock, woken -> giveBackLocked(request, woken));
    }

    private boolean tryTakeUncontended(int permits) {
        long curr = state;
        long needed = (long) permits << SHIFT;
        while ((curr & (CLOSED | WAITERS)) == 0 && curr >= needed) {
            long witness = (long) STATE.compareAndExchange(this, curr, curr - needed);
            if (witness == curr) {
                return true;
            }
            curr = witness;
        }
        return false;
    }

    /**
     * First slow poll, under the lock (so CLOSED cannot appear meanwhile): take all that is asked if it is
     * free and nobody waits, else take what is free and queue for the rest.
     */
    private boolean takeOrQueueLocked(PermitRequest<?> request, Waker waker, long curr) {
        while (true) {
            long free = curr >>> SHIFT;
            boolean enough = (curr & WAITERS) == 0 && free >= request.requested;
            long next = enough ? curr - ((long) request.requested << SHIFT) : (curr & CLOSED) | WAITERS;
            long witness = (long) STATE.compareAndExchange(this, curr, next);
            if (witness == curr) {
                if (enough) {
                    request.outcome = PermitRequest.GRANTED;
                    return true;
                }
                request.remaining = (int) (request.requested - free);
                request.registered = true;
                request.setWaker(waker);
                waiters.addLast(request);
                return false;
            }
            curr = witness;
        }
    }

    /** Dequeues {@code request} and releases what it was assigned; keeps WAITERS in step with the list. */
    private void giveBackLocked(PermitRequest<?> request, WakeBatch woken) {
        if (!request.registered) {
            return;
        }
        waiters.remove(request);
        int assigned = request.requested - request.remaining;
        request.registered = false;
        request.remaining = request.requested;
        releaseLocked(assigned, woken);
    }

    /**
     * Under the lock: assigns {@code permits} to the waiters, oldest first, dequeuing (and collecting the
     * wakers of) those that now have all they asked for; what is left goes to the count once nobody waits.
     */
    private void releaseLocked(long permits, WakeBatch woken) {
        long left = permits;
        PermitRequest<?> head;
        while (left > 0 && (head = waiters.peekFirst()) != null) {
            long assigned = Math.min(left, head.remaining);
            head.remaining -= (int) assigned;
            left -= assigned;
            if (head.remaining > 0) {
                return;
            }
            waiters.pollFirst();
            woken.add(head);
        }
        if (!waiters.isEmpty()) {
            return;
        }
        long curr = state;
        while (true) {
            long witness = (long) STATE.compareAndExchange(this, curr, plusPermits(curr & ~WAITERS, left));
            if (witness == curr) {
                return;
            }
            curr = witness;
        }
    }

    private static long plusPermits(long state, long added) {
        long free = state >>> SHIFT;
        if (free + added > MAX_PERMITS) {
            throw new IllegalStateException("adding " + added + " permits to the " + free
                    + " free ones would exceed the maximum of " + MAX_PERMITS);
        }
        return state + (added << SHIFT);
    }
}
