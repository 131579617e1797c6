package dev.weft.sync;

import dev.weft.runtime.internal.poll.Pollable;
import dev.weft.runtime.internal.poll.Waker;

/*
 * Implementation notes.
 *
 * The poll protocol for an operation of a single-consumer endpoint whose one waiter sits in an
 * AtomicWaker slot (an Mpsc receive, a Oneshot receive or closed()). poll() tries to complete; if it
 * cannot, it registers the waker and tries again, which closes the race with a producer that changed
 * the state between the first try and the registration (the Dekker pair of AtomicWaker). Completing
 * (taking an item or the value) happens only inside tryComplete(), so an abandoned operation has taken
 * nothing: abandon() only withdraws the registration. Owned by the polling thread.
 */

/** A pending operation that waits in an {@link AtomicWaker} slot. See the implementation notes. */
abstract class SlotWait<R> implements Pollable<R> {

    private final AtomicWaker slot;
    private boolean registered;

    SlotWait(AtomicWaker slot) {
        this.slot = slot;
    }

    /** Completes the operation if it can, recording its outcome for {@link #result()}; true if it did. */
    abstract boolean tryComplete();

    /** Called before this operation first registers its waker. */
    void startWaiting() {
    }

    /** Called when an operation that registered completes or is abandoned. */
    void stopWaiting() {
    }

    @Override
    public final boolean poll(Waker waker) {
        if (tryComplete()) {
            withdraw();
            return true;
        }
        if (!registered) {
            startWaiting();
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
            stopWaiting();
        }
    }
}
