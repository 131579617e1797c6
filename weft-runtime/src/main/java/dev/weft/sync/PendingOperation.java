package dev.weft.sync;

/**
 * The one operation of a receiver that may be waiting at a time. A receiver serves one task at a time
 * (Tokio enforces that with {@code &mut self}); the common misuse, two tasks awaiting the same receiver,
 * would otherwise leave one of them asleep or make both read the same position, so a second operation
 * that starts waiting while one is pending is refused. Plain field: owned by the receiver's task.
 */
final class PendingOperation {

    private Object pending;

    /** Records that {@code operation} waits; throws if another operation is waiting. */
    void start(Object operation) {
        if (pending != null && pending != operation) {
            throw new IllegalStateException("another operation is already waiting on this receiver; "
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

    /** The waiting operation, or null. */
    Object current() {
        return pending;
    }
}
