package dev.weft.runtime.internal.poll;

/**
 * What a pending {@link Pollable} calls when it may be able to make progress: Rust's {@code Waker}.
 * Waking is a hint; the woken side polls again and may find nothing. Implementations must be cheap,
 * must not block, and must tolerate being called any number of times from any thread.
 */
@FunctionalInterface
public interface Waker {

    /** Asks the owner of the pending operation to poll it again. */
    void wake();
}
