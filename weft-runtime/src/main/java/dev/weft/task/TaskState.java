package dev.weft.task;

/** Where a task is in its life cycle, as reported by {@link TaskInfo}. */
public enum TaskState {
    /** Queued to run or running on a worker. */
    RUNNABLE,
    /** Parked at an await point, or blocked in a JDK call. */
    WAITING,
    /** Finished with a value. */
    COMPLETED,
    /** Finished by failing. */
    FAILED,
    /** Finished by cancellation. */
    CANCELLED
}
