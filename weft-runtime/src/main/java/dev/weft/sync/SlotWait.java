package dev.weft.sync;

import dev.weft.runtime.internal.poll.Pollable;
import dev.weft.runtime.internal.poll.Waker;

/*
 * Implementation notes.
 *
 * The poll protocol for an operation of a channel endpoint whose waiter leaves its waker in the
 * endpoint's AtomicWaker (a receive of Mpsc, Oneshot, Broadcast; Watch's changed; Oneshot's closed).
 * poll() tries to complete; if it cannot, it registers the waker and tries again, which closes the race
 * with a producer that changed the state between the first try and the registration (the Dekker pair
 * of AtomicWaker). Completing (taking an item or the value, moving a position, marking a version seen)
 * happens only inside tryComplete(), so an abandoned operation has consumed nothing: abandon() only
 * withdraws the registration. An endpoint has one slot, so it may have one waiting operation at a time
 * (AtomicWaker.claim refuses a second). Owned by the polling thread.
 */

/** A pending operation that waits in an {@link AtomicWaker}. See the implementation notes. */
abstract class SlotWait<R> implements Pollable<R> {

    private final AtomicWaker slot;
    private boolean registered;

    SlotWait(AtomicWaker slot) {
        this.slot = slot;
    }

    /** Completes the operation if it can, recording its outcome for {@link #result()}; true if it did. */
    abstract boolean tryComplete();

    @Override
    public final boolean poll(Waker waker) {
        if (tryComplete()) {
            withdraw();
            return true;
        }
        if (!registered) {
            slot.claim(this);
            registered = true;
        }
        slot.register(waker);
        if (tryComplete()) {
            withdraw();
            return true;
        }
        return false;
    }

    @Override
    public final void abandon() {
        withdraw();
    }

    private void withdraw() {
        if (registered) {
            registered = false;
            slot.clear();
            slot.release(this);
        }
    }
}
