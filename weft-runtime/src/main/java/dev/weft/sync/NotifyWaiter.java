package dev.weft.sync;

import dev.weft.runtime.internal.poll.Pollable;
import dev.weft.runtime.internal.poll.WaitNode;
import dev.weft.runtime.internal.poll.Waker;

/*
 * Implementation notes.
 *
 * One in-flight notified() of a Notify (Tokio's Notified future), following the state machine of
 * Notify's implementation notes. `phase` belongs to the owner. `notification` is written under the
 * notify's lock by the notifier that dequeues this waiter, and is volatile so that a poll can see it
 * without the lock; once it is set the waiter is out of the list for good.
 */

/** A pending {@link Notify#notified()}. */
final class NotifyWaiter extends WaitNode implements Pollable<Void> {

    static final int NONE = 0;
    static final int ONE = 1;
    static final int ALL = 2;

    private static final int INIT = 0;
    private static final int QUEUED = 1;
    private static final int DONE = 2;

    private final Notify notify;
    private final long callsAtCreation;
    private int phase = INIT;
    volatile int notification = NONE;

    NotifyWaiter(Notify notify, long callsAtCreation) {
        this.notify = notify;
        this.callsAtCreation = callsAtCreation;
    }

    @Override
    public boolean poll(Waker waker) {
        if (phase == DONE) {
            return true;
        }
        boolean done = phase == INIT ? pollFirst(waker) : pollQueued(waker);
        if (done) {
            phase = DONE;
        }
        return done;
    }

    private boolean pollFirst(Waker waker) {
        long curr = notify.state();
        if (Notify.callsOf(curr) != callsAtCreation || takePermit(curr)) {
            return true;
        }
        notify.lock.lock();
        try {
            curr = notify.state();
            if (Notify.callsOf(curr) != callsAtCreation) {
                return true;
            }
            while ((curr & Notify.STATE_MASK) != Notify.WAITING) {
                if (takePermit(curr)) {
                    return true;
                }
                if (notify.casState(Notify.withState(curr, Notify.EMPTY), Notify.withState(curr, Notify.WAITING))) {
                    break;
                }
                curr = notify.state();
            }
            setWaker(waker);
            notify.waiters.addLast(this);
            phase = QUEUED;
            return false;
        } finally {
            notify.lock.unlock();
        }
    }

    /** Takes the stored permit if {@code curr} shows one; false if there is none or the CAS lost. */
    private boolean takePermit(long curr) {
        return (curr & Notify.STATE_MASK) == Notify.NOTIFIED
                && notify.casState(curr, Notify.withState(curr, Notify.EMPTY));
    }

    private boolean pollQueued(Waker waker) {
        if (notification != NONE) {
            return true;
        }
        notify.lock.lock();
        try {
            if (notification != NONE) {
                return true;
            }
            setWaker(waker);
            return false;
        } finally {
            notify.lock.unlock();
        }
    }

    @Override
    public Void result() {
        if (phase != DONE) {
            throw new IllegalStateException("the notification has not arrived");
        }
        return null;
    }

    @Override
    public void abandon() {
        if (phase != QUEUED) {
            return;
        }
        phase = DONE;
        UnderLock.thenWake(notify.lock, woken -> {
            notify.waiters.remove(this);
            long curr = notify.state();
            if (notify.waiters.isEmpty() && (curr & Notify.STATE_MASK) == Notify.WAITING) {
                notify.setStateLocked(Notify.withState(curr, Notify.EMPTY));
            }
            if (notification == ONE) {
                notify.notifyOneLocked(woken);
            }
        });
    }
}
