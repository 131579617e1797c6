package dev.weft.runtime.internal.task;

import dev.weft.task.JoinHandle;

/** Access from the public task types to the internals behind a {@link JoinHandle}. */
public final class Tasks {

    private Tasks() {
    }

    /** The task behind a handle made by a Weft runtime. */
    public static <T> TaskCore<T> core(JoinHandle<T> handle) {
        if (handle instanceof TaskHandle<T> taskHandle) {
            return taskHandle.core();
        }
        throw new IllegalArgumentException("not a handle made by a Weft runtime: " + handle.getClass().getName());
    }
}
