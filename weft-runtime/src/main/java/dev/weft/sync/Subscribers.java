package dev.weft.sync;

/*
 * Implementation notes.
 *
 * What the two fan-out channels (Broadcast, Watch) share: the count of open receivers, the `closed` flag
 * of the sending side, the receivers' wakers (WakerRegistry: a receiver waits without a lock), and
 * the monitor of this object, which serializes what the sending side writes (values, closing), the
 * subscriptions (which must see a consistent position) and the registry's changes. A publisher writes
 * under the monitor, releases it, and then wakes every waiter; a waiting receiver registers and then
 * checks again (SlotWait), so a publication either came before the check or wakes it. Receivers never
 * take the monitor, except to subscribe, to close and when they lag.
 */

/** The receivers of a fan-out channel and their waiters. See the implementation notes. */
abstract class Subscribers {

    final WakerRegistry waiters = new WakerRegistry();
    private volatile int receivers;
    private volatile boolean closed;

    final int receiverCount() {
        return receivers;
    }

    final boolean isClosed() {
        return closed;
    }

    /** Counts a new receiver and returns its waker slot; the caller holds the monitor. */
    final AtomicWaker receiverOpened() {
        receivers++;
        return waiters.add();
    }

    /** Stops counting a receiver and drops its waker slot. */
    final void receiverClosed(AtomicWaker slot) {
        synchronized (this) {
            receivers--;
            waiters.remove(slot);
        }
    }

    /** Marks the sending side closed and wakes every waiter. */
    final void closeSending() {
        synchronized (this) {
            closed = true;
        }
        waiters.wakeAll();
    }
}
