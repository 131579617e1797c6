package dev.weft;

/**
 * Carries a checked exception out of an asynchronous operation. {@link Async#await()} rethrows unchecked
 * exceptions and errors as they are, and wraps checked ones in this exception; {@link #getCause()} is
 * the original.
 */
public class AsyncException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Wraps {@code cause}, a checked exception thrown by an operation. */
    public AsyncException(Throwable cause) {
        super(cause);
    }

    /** Wraps {@code cause} with a message of its own. */
    public AsyncException(String message, Throwable cause) {
        super(message, cause);
    }
}
