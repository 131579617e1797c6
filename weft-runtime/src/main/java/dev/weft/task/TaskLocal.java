package dev.weft.task;

import dev.weft.Async;
import dev.weft.runtime.internal.task.TaskContext;

import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;

/**
 * A value visible to one task while an operation runs, like Tokio's {@code task_local!}: bind it with
 * {@link #scope(Object, Async)}, read it with {@link #get()} anywhere inside that operation. Each task
 * sees its own binding; tasks spawned inside the scope do not inherit it.
 *
 * {@snippet :
 * static final TaskLocal<String> REQUEST_ID = TaskLocal.named("request-id");
 *
 * static Async<Void> handle() {
 *     return Async.run(() -> System.out.println("handling " + REQUEST_ID.get()));
 * }
 *
 * // inside a task:
 * REQUEST_ID.scope("req-17", handle()).await();
 * }
 *
 * @param <T> the type of the value
 */
public final class TaskLocal<T> {

    private final String name;
    private final ThreadLocal<T> values = new ThreadLocal<>();

    private TaskLocal(String name) {
        this.name = name;
    }

    /** Creates a task-local with a name for error messages. */
    public static <T> TaskLocal<T> named(String name) {
        return new TaskLocal<>(Objects.requireNonNull(name, "name"));
    }

    /**
     * An operation that binds this task-local to {@code value} while {@code operation} runs, then restores
     * the previous binding (also when the operation fails or is cancelled).
     *
     * @throws NullPointerException if {@code value} or {@code operation} is null
     */
    public <R> Async<R> scope(T value, Async<R> operation) {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(operation, "operation");
        return Async.of(() -> {
            T previous = values.get();
            values.set(value);
            try {
                return operation.await();
            } finally {
                if (previous == null) {
                    values.remove();
                } else {
                    values.set(previous);
                }
            }
        });
    }

    /**
     * The value bound in the calling task.
     *
     * @throws NoSuchElementException if it is not bound here
     * @throws IllegalStateException  if the caller is not a Weft task
     */
    public T get() {
        return tryGet().orElseThrow(() -> new NoSuchElementException(
                "task-local '" + name + "' is not bound in this task; bind it with scope(value, operation)"));
    }

    /** The value bound in the calling task, if any. */
    public Optional<T> tryGet() {
        TaskContext.requireTask("TaskLocal.get()");
        return Optional.ofNullable(values.get());
    }

    @Override
    public String toString() {
        return "TaskLocal[" + name + "]";
    }
}
