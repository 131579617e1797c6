package dev.weft.sync;

import dev.weft.runtime.internal.poll.SpinLock;

/*
 * Implementation notes.
 *
 * What the two fan-out channels (Broadcast, Watch) share: the count of open receivers, the `closed` flag
 * of the sending side, the receivers' wakers (WakerRegistry: a receiver waits without a lock), and
 * `lock`, which serializes what the sending side writes (values, closing), the subscriptions (which
 * must see a consistent position) and the registry's changes. A publisher writes under the lock,
 * releases it, and then wakes every waiter; a waiting receiver registers and then checks again
 * (SlotWait), so a publication either came before the check or wakes it.
 *
 * The lock is a SpinLock, not a monitor: a virtual thread that blocks on a contended monitor unmounts
 * and must be scheduled again, which costs far more than the few dozen instructions a sender holds it.
 */

/** The receivers of a fan-out channel and their waiters. See the implementation notes. */
abstract class Subscribers {

    final WakerRegistry waiters = new WakerRegistry();
    private final SpinLock lock = new SpinLock();
    private volatile int receivers;
    private volatile boolean closed;

    final int receiverCount() {
        return receivers;
    }

    final boolean isClosed() {
        return closed;
    }

    /** Takes the lock that serializes the sending side's writes and the subscriptions. */
    final void lock() {
        lock.lock();
    }

    final void unlock() {
        lock.unlock();
    }

    /** Counts a new receiver and returns its waker slot; the caller holds the lock. */
    final AtomicWaker receiverOpened() {
        receivers++;
        return waiters.add();
    }

    /** Stops counting a receiver and drops its waker slot. */
    final void receiverClosed(AtomicWaker slot) {
        lock();
        try {
            receivers--;
            waiters.remove(slot);
        } finally {
            unlock();
        }
    }

    /** Marks the sending side closed and wakes every waiter. */
    final void closeSending() {
        lock();
        try {
            closed = true;
        } finally {
            unlock();
        }
        waiters.wakeAll();
    }
}
