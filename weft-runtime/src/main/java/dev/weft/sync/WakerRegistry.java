package dev.weft.sync;

import java.util.Arrays;

/*
 * Implementation notes.
 *
 * The receivers of a fan-out channel (Broadcast, Watch) and their wakers: one AtomicWaker per receiver,
 * kept in an array for as long as the receiver is open. A receiver waits by storing its waker in its own
 * slot (SlotWait): one volatile store, on a cache line no other receiver writes. A publisher wakes every
 * waiter by walking the array after publishing: AtomicWaker.wake reads each slot and takes the waker of
 * those that wait. No wake-up is lost: that is AtomicWaker's Dekker pair, slot by slot.
 *
 * Why not Tokio's linked list of waiters under the channel's mutex, or a lock-free stack: a thousand
 * receivers woken by one send all come back to wait again at once, from every worker, and would all
 * contend on the mutex or on the stack's head; here each writes only its own slot, and the publisher
 * pays one read per receiver, waiting or not.
 *
 * The array changes only under the channel's lock (subscribe, close of a receiver). A new slot is
 * stored in place when there is room; a closed receiver's entry is set to null, and once nulls are half
 * the array it is copied without them. Publishers read the array after their own lock/unlock pair, so
 * they see every slot of a receiver that subscribed before them; a receiver that subscribes later
 * starts after the value and needs no wake. A publisher walking an array that is being changed sees each
 * entry either before or after the change; either is fine (a closed receiver needs no wake).
 */

/** The wakers of a fan-out channel's receivers. See the implementation notes. */
final class WakerRegistry {

    private static final AtomicWaker[] NONE = {};

    private volatile AtomicWaker[] slots = NONE;
    private int used;
    private int removed;

    /** A slot for a new receiver; the caller holds the channel's lock. */
    AtomicWaker add() {
        AtomicWaker slot = new AtomicWaker();
        AtomicWaker[] current = slots;
        if (used == current.length) {
            current = Arrays.copyOf(current, Math.max(4, 2 * used));
            slots = current;
        }
        current[used++] = slot;
        return slot;
    }

    /** Removes a closed receiver's slot; the caller holds the channel's lock. */
    void remove(AtomicWaker slot) {
        slot.clear();
        AtomicWaker[] current = slots;
        for (int i = 0; i < used; i++) {
            if (current[i] == slot) {
                current[i] = null;
                removed++;
                break;
            }
        }
        if (removed > used / 2) {
            AtomicWaker[] compacted = new AtomicWaker[Math.max(4, used - removed)];
            int kept = 0;
            for (int i = 0; i < used; i++) {
                if (current[i] != null) {
                    compacted[kept++] = current[i];
                }
            }
            slots = compacted;
            used = kept;
            removed = 0;
        }
    }

    /** Wakes every waiting receiver; call it after publishing what they wait for. */
    void wakeAll() {
        for (AtomicWaker slot : slots) {
            if (slot != null) {
                slot.wake();
            }
        }
    }
}
