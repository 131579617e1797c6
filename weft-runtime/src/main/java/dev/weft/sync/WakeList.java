package dev.weft.sync;

import dev.weft.runtime.internal.poll.Waker;

import java.util.Arrays;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/*
 * Implementation notes.
 *
 * The wakers a primitive collects under its lock and calls after releasing it (Tokio's WakeList), so that
 * a woken task never finds the lock still held by its waker. Most releases wake one waiter, so the first
 * waker needs no array. Owned by one thread for the duration of one operation.
 */

/** Wakers collected under a lock, woken after it is released. See the implementation notes. */
final class WakeList {

    private Waker first;
    private Waker[] more;
    private int moreCount;

    /** Runs {@code action} under {@code lock}; wakes the wakers it collects once the lock is released. */
    static void underLock(ReentrantLock lock, Consumer<WakeList> action) {
        WakeList woken = new WakeList();
        lock.lock();
        try {
            action.accept(woken);
        } finally {
            lock.unlock();
        }
        woken.wakeAll();
    }

    /** Adds {@code waker}; a null waker (a waiter polled without one) is skipped. */
    void add(Waker waker) {
        if (waker == null) {
            return;
        }
        if (first == null) {
            first = waker;
            return;
        }
        if (more == null) {
            more = new Waker[4];
        } else if (moreCount == more.length) {
            more = Arrays.copyOf(more, moreCount * 2);
        }
        more[moreCount++] = waker;
    }

    /** Wakes every collected waker, oldest first. Call it with no lock held. */
    void wakeAll() {
        if (first == null) {
            return;
        }
        first.wake();
        for (int i = 0; i < moreCount; i++) {
            more[i].wake();
        }
    }
}
