package dev.weft.sync;

/**
 * Thrown by the acquiring operations of a {@link Semaphore} that was {@linkplain Semaphore#close() closed}:
 * by waiters that were waiting when it closed and by every acquisition attempted afterwards.
 */
public class SemaphoreClosedException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that says what was refused. */
    public SemaphoreClosedException(String message) {
        super(message);
    }
}
