package dev.weft.sync;

import dev.weft.runtime.internal.poll.WaitList;
import dev.weft.runtime.internal.poll.WakeBatch;
import dev.weft.runtime.internal.poll.Waker;

/*
 * Implementation notes.
 *
 * What the two fan-out channels (Broadcast, Watch) share: the count of open receivers, the `closed` flag
 * of the sending side, and the list of receivers waiting for news, all under the monitor of this object,
 * which the subclass also holds while it publishes. Publishing takes every waiter off the list
 * (takeWaiters) into a WakeBatch that the publisher wakes after releasing the monitor. A receiver that
 * found nothing calls await(), which checks again under the monitor (hasNews, closed) before queueing,
 * so that a publication either came before (the receiver reads it) or comes after (it wakes the
 * receiver).
 */

/** The receivers of a fan-out channel and their wait list. See the implementation notes. */
abstract class Subscribers {

    private final WaitList<SubscriberWait<?>> waiters = new WaitList<>();
    private volatile int receivers;
    private volatile boolean closed;

    /** True when a receiver whose position is {@code position} has something to read; under the monitor. */
    abstract boolean hasNews(long position);

    final int receiverCount() {
        return receivers;
    }

    final boolean isClosed() {
        return closed;
    }

    /** Counts a new receiver; the caller holds the monitor. */
    final void receiverOpened() {
        receivers++;
    }

    /** Stops counting a receiver and drops its pending wait, if any. */
    final synchronized void receiverClosed(Object pending) {
        receivers--;
        if (pending instanceof SubscriberWait<?> waiter) {
            waiters.remove(waiter);
        }
    }

    /**
     * Queues {@code waiter} with {@code waker}, for a receiver at {@code position}, unless there is news
     * for it or the sending side closed; returns true if it is queued.
     */
    final synchronized boolean await(SubscriberWait<?> waiter, Waker waker, long position) {
        if (hasNews(position) || closed) {
            return false;
        }
        waiter.setWaker(waker);
        if (!waiter.isQueued()) {
            waiters.addLast(waiter);
        }
        return true;
    }

    final synchronized void cancel(SubscriberWait<?> waiter) {
        waiters.remove(waiter);
    }

    /** Takes every waiter off the list, collecting its waker; the caller holds the monitor. */
    final void takeWaiters(WakeBatch wakes) {
        wakes.takeAll(waiters);
    }

    /** Marks the sending side closed and wakes every waiter. */
    final void closeSending() {
        WakeBatch wakes = new WakeBatch();
        synchronized (this) {
            closed = true;
            takeWaiters(wakes);
        }
        wakes.wakeAll();
    }
}
