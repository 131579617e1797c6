package dev.weft.time;

import java.time.Duration;

/**
 * Thrown by {@link Time#timeout(Duration, dev.weft.Async)} when the operation did not finish in time.
 * By the time it is thrown the operation has been cancelled and has unwound (its {@code finally} blocks
 * have run); {@link #getCause()} is the cancellation that unwound it.
 */
public class Elapsed extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that says what elapsed. */
    public Elapsed(String message) {
        super(message);
    }
}
