package dev.weft.sync;

import dev.weft.runtime.internal.poll.Pollable;
import dev.weft.runtime.internal.poll.Waker;

/*
 * Implementation notes.
 *
 * One wait for a permit of an Mpsc channel by the poll protocol, and what the waiter does with the
 * permit once its poll observes it (CapacityOperation.acquired: push the item, or wrap the permit in a
 * Permit). Doing that inside
 * the completing poll is what makes send and reserve cancel-safe: before it, the operation holds nothing
 * that abandon() does not give back (MpscCapacity.abandon returns a permit that was handed over but not
 * observed). The node of the capacity's queue is this object itself, so a send that has to wait
 * allocates nothing more. Owned by the polling thread.
 */

/** A pending acquire of channel capacity. See the implementation notes. */
final class CapacityWait<R> extends SendWaiter implements Pollable<R> {

    private final CapacityOperation<R> operation;
    private final MpscCapacity capacity;
    private RuntimeException failure;
    private R value;

    CapacityWait(CapacityOperation<R> operation) {
        this.operation = operation;
        this.capacity = operation.capacity;
    }

    @Override
    public boolean poll(Waker waker) {
        if (operation.sender.isMarkedClosed()) {
            failure = operation.sender.closedHandle();
            capacity.abandon(this);
            return true;
        }
        switch (capacity.pollAcquire(this, waker)) {
            case ACQUIRED -> value = operation.acquired();
            case CLOSED -> failure = CapacityOperation.receiverClosed();
            case FULL -> {
                return false;
            }
        }
        return true;
    }

    @Override
    public R result() {
        if (failure != null) {
            throw failure;
        }
        return value;
    }

    @Override
    public void abandon() {
        capacity.abandon(this);
    }
}
