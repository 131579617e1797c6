package dev.weft.task;

import dev.weft.AsyncException;

/**
 * Thrown when awaiting a task that failed with a checked exception; {@link #getCause()} is that
 * exception. A task that fails with an unchecked exception or an error rethrows it as it is.
 */
public class TaskFailedException extends AsyncException {

    private static final long serialVersionUID = 1L;

    private final long taskId;

    /** Creates the exception for task {@code taskId} that failed with {@code cause}. */
    public TaskFailedException(long taskId, Throwable cause) {
        super("task " + taskId + " failed: " + cause, cause);
        this.taskId = taskId;
    }

    /** The id of the task that failed. */
    public long taskId() {
        return taskId;
    }
}
