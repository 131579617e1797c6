package dev.weft.runtime.internal.poll;

/*
 * Implementation notes.
 *
 * The poll protocol: Rust's Future::poll with a thread-friendly shape. A Pollable is one in-flight
 * evaluation of an operation (an Async is the re-runnable description; PollingAsync.start() makes a
 * fresh Pollable for each await). The owner calls poll(waker) from one thread at a time:
 *
 *   - poll returns true when the operation has completed; result() then returns its value or throws.
 *     Completing is the operation's linearization point (a message taken, a permit acquired); it
 *     happens inside poll, on the owner's thread, never behind the owner's back.
 *   - poll returns false when it cannot complete now. Before returning false it has arranged for
 *     `waker` to be woken when progress may be possible (a node in a wait list, interest in an I/O
 *     readiness, a timer). A poll that returns false must not have consumed anything.
 *   - the owner may poll again at any time (wake-ups are hints; a spurious wake-up costs a poll), and
 *     may pass a different waker; the operation must then wake the latest one.
 *   - abandon() is called when the owner gives up before completion (its task cancelled, a timeout,
 *     a lost select). It removes the registrations and gives back anything handed to the operation
 *     but not yet observed by a poll (a permit or a message passed directly to a waiting node), so
 *     an abandoned operation consumes nothing: that is what makes it cancel-safe. It is idempotent
 *     and is not called after poll has returned true.
 *
 * Because completion only ever happens inside poll, one task can poll several operations and complete
 * exactly one of them (Select), and every Weft primitive built this way is cancel-safe by
 * construction unless its own documentation says otherwise (an I/O write that wrote part of a buffer).
 */

/**
 * One in-flight evaluation of a pollable operation. See the implementation notes for the protocol.
 *
 * @param <T> the type of the value
 */
public interface Pollable<T> {

    /**
     * Tries to complete the operation. Returns true when it has completed; otherwise registers
     * {@code waker} to be woken when it may be able to, and returns false.
     */
    boolean poll(Waker waker);

    /**
     * The value of a completed operation, or throws its failure. Only valid after {@link #poll}
     * returned true.
     */
    T result();

    /** Gives up a pending operation; see the implementation notes. Idempotent. */
    void abandon();
}
