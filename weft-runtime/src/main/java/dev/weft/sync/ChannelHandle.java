package dev.weft.sync;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * An end of a channel that is closed once (a sender, a receiver, a permit): the idempotent close that
 * every handle needs, since any thread may close it, any number of times.
 */
abstract class ChannelHandle {

    private static final VarHandle CLOSED;

    static {
        try {
            CLOSED = MethodHandles.lookup().findVarHandle(ChannelHandle.class, "closed", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final String kind;
    @SuppressWarnings("unused") // written through CLOSED
    private volatile boolean closed;

    /** A handle that calls itself {@code kind} ("sender", "receiver") in its error messages. */
    ChannelHandle(String kind) {
        this.kind = kind;
    }

    /** Marks the handle closed; true for the first call only, whose caller then does the closing. */
    final boolean markClosed() {
        return CLOSED.compareAndSet(this, false, true);
    }

    final boolean isMarkedClosed() {
        return closed;
    }

    /** Throws {@link IllegalStateException} if the handle was closed. */
    final void requireOpen() {
        if (closed) {
            throw closedHandle();
        }
    }

    final IllegalStateException closedHandle() {
        return new IllegalStateException("this " + kind + " has been closed");
    }
}
