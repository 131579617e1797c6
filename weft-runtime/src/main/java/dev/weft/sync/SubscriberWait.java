package dev.weft.sync;

import dev.weft.runtime.internal.poll.Pollable;
import dev.weft.runtime.internal.poll.WaitNode;
import dev.weft.runtime.internal.poll.Waker;

/*
 * Implementation notes.
 *
 * The poll protocol for an operation of a fan-out receiver (Broadcast receive, Watch changed): try to
 * complete; if there is nothing, queue in the channel's wait list (Subscribers.await), which refuses
 * when news arrived in the meantime, in which case try again. Completing (moving the receiver on,
 * marking a version seen) happens only inside tryComplete(), so an abandoned operation has consumed
 * nothing; abandon() takes the node off the list. The node is this object. Owned by the polling thread.
 */

/** A pending operation of a fan-out receiver. See the implementation notes. */
abstract class SubscriberWait<R> extends WaitNode implements Pollable<R> {

    private final Subscribers subscribers;
    private final PendingOperation pending;
    private boolean registered;

    SubscriberWait(Subscribers subscribers, PendingOperation pending) {
        this.subscribers = subscribers;
        this.pending = pending;
    }

    /** Completes the operation if it can, recording its outcome for {@link #result()}; true if it did. */
    abstract boolean tryComplete();

    /** The receiver's position (Broadcast) or the version it saw last (Watch). */
    abstract long position();

    @Override
    public final boolean poll(Waker waker) {
        while (!tryComplete()) {
            if (!registered) {
                pending.start(this);
                registered = true;
            }
            if (subscribers.await(this, waker, position())) {
                return false;
            }
        }
        withdraw();
        return true;
    }

    @Override
    public final void abandon() {
        if (registered) {
            subscribers.cancel(this);
        }
        withdraw();
    }

    private void withdraw() {
        if (registered) {
            registered = false;
            pending.stop(this);
        }
    }
}
