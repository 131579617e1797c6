package dev.weft.sync;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/*
 * Implementation notes.
 *
 * The shared state of a Broadcast channel: Tokio's broadcast::Shared, with readers that take no lock.
 *
 * Values live in a ring of `capacity` slots; the value sent at position p (0, 1, 2, ...) is stored in
 * slot p % capacity as an immutable Entry(p, value), so a reader gets the position and the value in one
 * read and never sees one without the other (Tokio guards each slot with a lock instead). `tail` is the
 * next position to write. Every write happens under the monitor (Subscribers): send stores the entry
 * with a release store and advances `tail` (volatile); after releasing the monitor it wakes the waiting
 * receivers (WakerRegistry).
 *
 * A receiver at position `next` reads `tail` (volatile) and then, if next < tail, the slot (acquire):
 * the slot was written before `tail` moved past next, so it holds position next or a later one. A later
 * one means the value was overwritten: the receiver lagged; it then reads `tail` under the monitor and
 * moves to the oldest kept position, tail - capacity, so the count it reports is exact. If next == tail
 * there is nothing to read, and the receiver waits (SlotWait over its slot of the WakerRegistry).
 *
 * `senders` counts open senders under the monitor; the last one to close closes the channel. Values are
 * not reference-counted as in Tokio: a slot keeps its value until it is overwritten, so the channel keeps
 * at most `capacity` values reachable.
 */

/** The shared state of a Broadcast channel. See the implementation notes. */
final class BroadcastRing<T> extends Subscribers {

    private static final VarHandle SLOTS = MethodHandles.arrayElementVarHandle(Object[].class);

    private final int capacity;
    private final Object[] slots;
    private volatile long tail;
    private int senders = 1;

    BroadcastRing(int capacity) {
        this.capacity = capacity;
        this.slots = new Object[capacity];
    }

    long tail() {
        return tail;
    }

    /** Stores {@code value} for every receiver and wakes those waiting; returns the receiver count. */
    int send(T value) {
        int count;
        synchronized (this) {
            count = receiverCount();
            if (count == 0) {
                return 0;
            }
            long position = tail;
            SLOTS.setRelease(slots, slot(position), new Entry<>(position, value));
            tail = position + 1;
        }
        waiters.wakeAll();
        return count;
    }

    /** The entry stored for {@code position}, which is below {@code tail}: that position or a later one. */
    @SuppressWarnings("unchecked")
    Entry<T> entry(long position) {
        return (Entry<T>) SLOTS.getAcquire(slots, slot(position));
    }

    /** The oldest position the ring still holds. */
    long oldestKept() {
        synchronized (this) {
            return Math.max(0, tail - capacity);
        }
    }

    /** A new receiver that starts at the current tail. */
    BroadcastReceiver<T> subscribe() {
        synchronized (this) {
            return new BroadcastReceiver<>(this, receiverOpened(), tail);
        }
    }

    void senderOpened() {
        synchronized (this) {
            senders++;
        }
    }

    void senderClosed() {
        synchronized (this) {
            if (--senders > 0) {
                return;
            }
        }
        closeSending();
    }

    private int slot(long position) {
        return (int) (position % capacity);
    }

    /**
     * A value and the position it was sent at.
     *
     * @param position the position
     * @param value    the value
     * @param <T>      the type of the value
     */
    record Entry<T>(long position, T value) {
    }
}
