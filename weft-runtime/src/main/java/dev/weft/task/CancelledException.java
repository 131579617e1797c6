package dev.weft.task;

import java.util.concurrent.CancellationException;

/**
 * Thrown at an await point of a task that has been cancelled ({@link JoinHandle#abort()}, a
 * {@link TaskScope} or {@link JoinSet} closing, runtime shutdown), and by awaiting the handle of a task
 * that ended cancelled. It unwinds the task the way dropping a future unwinds it in Rust: {@code finally}
 * blocks and try-with-resources release what the task held. Catching it and carrying on is allowed but
 * the task stays cancelled: its next await point throws again.
 */
public class CancelledException extends CancellationException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that says what was cancelled. */
    public CancelledException(String message) {
        super(message);
    }
}
