package dev.weft.runtime.internal.poll;

/**
 * A waiter in a {@link WaitList}: one pending operation and the waker to call. Primitives subclass it
 * to carry what the waiter asks for or is handed (a number of permits, a message). Every field is
 * guarded by the lock of the primitive that owns the list.
 */
public class WaitNode {

    private Waker waker;
    WaitNode prev;
    WaitNode next;
    boolean queued;

    /** True while the node is in a list. */
    public final boolean isQueued() {
        return queued;
    }

    /** Sets the waker to call; a re-poll passes the latest one. */
    public final void setWaker(Waker waker) {
        this.waker = waker;
    }

    /** Wakes the waiter, if it has a waker. Call it after releasing the primitive's lock when you can. */
    public final void wake() {
        Waker target = waker;
        if (target != null) {
            target.wake();
        }
    }

    /** The waker, for callers that collect wakers under the lock and wake them after releasing it. */
    public final Waker waker() {
        return waker;
    }
}
