package dev.weft.sync;

import dev.weft.runtime.internal.poll.WaitNode;

/**
 * A sender waiting for capacity in an {@link MpscCapacity}: its place in the queue and what it was
 * handed. {@link #phase} is written under the capacity's lock, except that the owner moves ASSIGNED to
 * IDLE when its poll takes the permit.
 */
class SendWaiter extends WaitNode {

    /** Not queued and holding nothing (never queued, permit taken, or given up). */
    static final int IDLE = 0;
    /** In the capacity's queue. */
    static final int WAITING = 1;
    /** Dequeued with a permit its owner has not taken yet. */
    static final int ASSIGNED = 2;
    /** Dequeued because the receiver closed. */
    static final int CLOSED = 3;

    volatile int phase = IDLE;

    /** The next sender of a list of senders to wake, made under the lock and walked after it. */
    SendWaiter handedNext;
}
