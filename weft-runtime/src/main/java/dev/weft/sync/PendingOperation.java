package dev.weft.sync;

/**
 * The one operation of an endpoint (a receiver; a oneshot sender's {@code closed()}) that may be waiting
 * at a time. An endpoint serves one task at a time (Tokio enforces that with {@code &mut self}); the
 * common misuse, two tasks awaiting the same receiver, would otherwise leave one of them asleep, its
 * waker replaced in the endpoint's one slot, so a second operation that starts waiting while one is
 * pending is refused. Plain field: owned by the endpoint's task.
 */
final class PendingOperation {

    private Object pending;

    /** Records that {@code operation} waits; throws if another operation is waiting. */
    void start(Object operation) {
        if (pending != null && pending != operation) {
            throw new IllegalStateException("another operation is already waiting on this channel end; "
                    + "a receiver serves one task at a time");
        }
        pending = operation;
    }

    /** Records that {@code operation} no longer waits. */
    void stop(Object operation) {
        if (pending == operation) {
            pending = null;
        }
    }
}
