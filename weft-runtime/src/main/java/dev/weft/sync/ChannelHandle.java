package dev.weft.sync;

/**
 * An end of a channel that is closed once (a sender, a receiver, a permit). Closing runs under the
 * handle's monitor, so that a close racing with another close of the same handle returns only once the
 * channel has taken the closing into account: close is idempotent and linearizable. The flag is volatile
 * so that the operations of the handle check it without the monitor.
 */
abstract class ChannelHandle {

    private final String kind;
    private volatile boolean closed;

    /** A handle that calls itself {@code kind} ("sender", "receiver") in its error messages. */
    ChannelHandle(String kind) {
        this.kind = kind;
    }

    /** Runs {@code closing} and marks the handle closed, unless it is closed already; true if it ran. */
    final synchronized boolean closeOnce(Runnable closing) {
        if (closed) {
            return false;
        }
        closing.run();
        closed = true;
        return true;
    }

    /** Marks the handle closed; the caller holds the handle's monitor (a consuming operation). */
    final void markClosed() {
        closed = true;
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
