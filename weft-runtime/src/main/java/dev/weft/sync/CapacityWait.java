package dev.weft.sync;

import dev.weft.runtime.internal.poll.Pollable;
import dev.weft.runtime.internal.poll.Waker;

/*
 * Implementation notes.
 *
 * One wait for a permit of an Mpsc channel by the poll protocol, and what the waiter does with the
 * permit once its poll observes it (send: push the item; reserve: wrap it in a Permit). Doing that inside
 * the completing poll is what makes send and reserve cancel-safe: before it, the operation holds nothing
 * that abandon() does not give back (MpscCapacity.abandon returns a permit that was handed over but not
 * observed). The node of the capacity's queue is this object itself, so a send that has to wait
 * allocates nothing more. Owned by the polling thread.
 */

/** A pending acquire of channel capacity. See the implementation notes. */
abstract class CapacityWait<R> extends SendWaiter implements Pollable<R> {

    private final MpscSender<?> sender;
    private final MpscCapacity capacity;
    private RuntimeException failure;
    private R value;

    CapacityWait(MpscSender<?> sender, MpscCapacity capacity) {
        this.sender = sender;
        this.capacity = capacity;
    }

    /** Uses the permit this operation now holds; runs inside the completing poll. */
    abstract R acquired();

    @Override
    public final boolean poll(Waker waker) {
        if (sender.isMarkedClosed()) {
            failure = sender.closedHandle();
            capacity.abandon(this);
            return true;
        }
        switch (capacity.pollAcquire(this, waker)) {
            case ACQUIRED -> value = acquired();
            case CLOSED -> failure = new ChannelClosedException("the receiver of the channel has closed");
            case FULL -> {
                return false;
            }
        }
        return true;
    }

    @Override
    public final R result() {
        if (failure != null) {
            throw failure;
        }
        return value;
    }

    @Override
    public final void abandon() {
        capacity.abandon(this);
    }
}
