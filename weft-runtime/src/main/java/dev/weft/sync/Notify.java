package dev.weft.sync;

import dev.weft.Async;
import dev.weft.runtime.internal.poll.Pollables;
import dev.weft.runtime.internal.poll.WaitList;
import dev.weft.runtime.internal.poll.WakeBatch;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.ReentrantLock;

/*
 * Implementation notes.
 *
 * Tokio's Notify (tokio/src/sync/notify.rs). The state word:
 *
 *   bit 63 ....................... 2 |  1 .. 0
 *   notifyWaiters() calls so far     |  EMPTY (0), WAITING (1) or NOTIFIED (2)
 *
 *   EMPTY     nobody waits and no permit is stored
 *   WAITING   the wait list is not empty (then no permit is stored)
 *   NOTIFIED  one permit is stored (then nobody waits)
 *
 * The state leaves WAITING, and the call count changes, only under `lock`; EMPTY <-> NOTIFIED moves by
 * CAS without the lock (notifyOne storing a permit, a waiter taking it), which is the whole of the
 * uncontended path. A waiter (NotifyWaiter) takes a stored permit, or under the lock moves the state to
 * WAITING and queues itself. notifyOne dequeues the oldest waiter and marks it ONE; notifyWaiters bumps
 * the call count and marks every queued waiter ALL. A waiter abandoned after being marked ONE passes the
 * notification on (to the next waiter, or as the stored permit), so cancelling loses no notification.
 *
 * notified() reads the call count when it is called, not when awaited, as Tokio's Notified does when it
 * is created: a notifyWaiters() between notified() and the await completes the await. That is what lets
 * a task check its condition after notified() and then wait without missing a broadcast.
 *
 * Unlike Tokio, notifyWaiters dequeues and marks all waiters in one critical section (Tokio works in
 * batches of 32 with a guarded list); wakers are called after the lock is released either way.
 */

/**
 * Wakes tasks waiting for an event: Tokio's {@code Notify}. {@link #notifyOne()} wakes the oldest waiter,
 * or, when nobody waits, stores a single permit that the next {@link #notified()} takes at once (several
 * calls store one permit, not several). {@link #notifyWaiters()} wakes every task waiting now and stores
 * nothing. Waiters are woken in the order they started waiting.
 *
 * {@snippet :
 * Notify ready = new Notify();
 * AsyncRuntime.run(() -> {
 *     JoinHandle<String> waiter = Weft.spawn(Async.of(() -> {
 *         ready.notified().await();
 *         return "woken";
 *     }));
 *     ready.notifyOne();   // wakes the waiter, or leaves a permit if it is not waiting yet
 *     System.out.println(waiter.await());
 * });
 * }
 *
 * <h2>Cancellation</h2>
 * {@link #notified()} is cancel-safe: a waiter cancelled while it waits leaves the queue, and if a
 * {@code notifyOne} had already chosen it, the notification goes to the next waiter (or is stored as the
 * permit), so no notification is lost.
 *
 * <h2>Memory consistency effects</h2>
 * Actions before {@code notifyOne} or {@code notifyWaiters} happen-before the actions after a
 * {@code notified()} that completes because of that call.
 */
public final class Notify {

    static final int EMPTY = 0;
    static final int WAITING = 1;
    static final int NOTIFIED = 2;
    static final long STATE_MASK = 3;
    static final long ONE_CALL = 4;
    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(Notify.class, "state", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @SuppressWarnings("unused") // accessed through STATE
    private volatile long state;
    final ReentrantLock lock = new ReentrantLock();
    final WaitList<NotifyWaiter> waiters = new WaitList<>();

    /** Creates a notify with no permit stored. */
    public Notify() {
    }

    /**
     * An operation that completes when this is notified: by a {@link #notifyOne()} that chooses it or whose
     * permit it takes, or by a {@link #notifyWaiters()} called after this method was called. Call
     * {@code notified()} before checking the condition you wait for, then await it:
     *
     * {@snippet :
     * Async<Void> wakeUp = changes.notified();   // counts notifyWaiters() from here
     * while (!condition()) {
     *     wakeUp.await();
     *     wakeUp = changes.notified();
     * }
     * }
     *
     * <p>Awaiting the returned operation again completes at once if {@code notifyWaiters} was called since
     * this method was, so take a fresh one for each wait.
     *
     * <h4>Cancellation</h4>
     * Cancel-safe: see the class documentation.
     */
    public Async<Void> notified() {
        long calls = callsOf(state);
        return Pollables.async(() -> new NotifyWaiter(this, calls));
    }

    /** A waiter counting {@code notifyWaiters()} calls from now, for primitives built on this one. */
    NotifyWaiter waiter() {
        return new NotifyWaiter(this, callsOf(state));
    }

    /**
     * Wakes the oldest waiting task, or stores a permit for the next {@link #notified()} when nobody waits.
     * At most one permit is stored.
     */
    public void notifyOne() {
        long curr = state;
        while ((curr & STATE_MASK) != WAITING) {
            long witness = (long) STATE.compareAndExchange(this, curr, withState(curr, NOTIFIED));
            if (witness == curr) {
                return;
            }
            curr = witness;
        }
        UnderLock.thenWake(lock, this::notifyOneLocked);
    }

    /** Wakes every task waiting now. Stores no permit: a task that starts waiting afterwards waits. */
    public void notifyWaiters() {
        UnderLock.thenWake(lock, woken -> {
            long curr = state;
            if ((curr & STATE_MASK) != WAITING) {
                STATE.getAndAdd(this, ONE_CALL);
                return;
            }
            state = withState(curr + ONE_CALL, EMPTY);
            waiters.drain(waiter -> {
                waiter.notification = NotifyWaiter.ALL;
                woken.add(waiter);
            });
        });
    }

    @Override
    public String toString() {
        return switch ((int) (state & STATE_MASK)) {
            case WAITING -> "Notify[waiting]";
            case NOTIFIED -> "Notify[notified]";
            default -> "Notify[empty]";
        };
    }

    /** Under the lock: hands one notification to the oldest waiter, or stores the permit. */
    void notifyOneLocked(WakeBatch woken) {
        long curr = state;
        if ((curr & STATE_MASK) != WAITING) {
            while (true) {
                long witness = (long) STATE.compareAndExchange(this, curr, withState(curr, NOTIFIED));
                if (witness == curr) {
                    return;
                }
                curr = witness;
            }
        }
        NotifyWaiter first = waiters.pollFirst();
        first.notification = NotifyWaiter.ONE;
        woken.add(first);
        if (waiters.isEmpty()) {
            state = withState(curr, EMPTY);
        }
    }

    long state() {
        return state;
    }

    void setStateLocked(long next) {
        state = next;
    }

    boolean casState(long expected, long next) {
        return STATE.compareAndSet(this, expected, next);
    }

    static long callsOf(long state) {
        return state >>> 2;
    }

    static long withState(long state, int bits) {
        return (state & ~STATE_MASK) | bits;
    }
}
