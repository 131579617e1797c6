package dev.weft;

import dev.weft.runtime.internal.task.AsyncEvaluation;
import dev.weft.runtime.internal.task.TaskContext;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * A lazy asynchronous operation that produces a {@code T}: Weft's counterpart of a Rust future.
 *
 * <p>Creating an {@code Async} runs nothing. {@link #await()} runs the operation inside the calling task
 * and returns its value; {@link Weft#spawn(Async)} runs it as a new task. An {@code Async} is a
 * description, like a method reference: awaiting it twice runs it twice. Every asynchronous operation of
 * Weft's API ({@code sleep}, {@code read}, {@code receive}, {@code lock}, ...) returns one.
 *
 * {@snippet :
 * Async<String> greeting = Async.of(() -> "hello");   // nothing runs yet
 * String value = AsyncRuntime.run(() -> greeting.await());
 * }
 *
 * <h2>Cancellation</h2>
 * {@link #await()} is an await point: if the calling task has been cancelled it throws
 * {@link dev.weft.task.CancelledException} instead of starting the operation. Each operation documents
 * whether cancelling it part-way loses anything (its cancel safety).
 *
 * <h2>Cooperative scheduling</h2>
 * Each await spends one unit of the task's budget; when the budget is spent the task yields its worker
 * once, so a task whose operations are always ready cannot starve the others.
 *
 * @param <T> the type of the value
 */
public abstract class Async<T> {

    static {
        AsyncEvaluation.install(new AsyncEvaluation.Evaluator() {
            @Override
            public <T> T evaluate(Async<T> operation) throws Exception {
                return operation.evaluate();
            }
        });
    }

    /** For subclasses that implement an operation by overriding {@link #evaluate()}. */
    protected Async() {
    }

    /**
     * Runs the operation in the calling task. Called by {@link #await()} after its checks; implementations
     * may park the task (for example through {@code java.util.concurrent} or a Weft primitive).
     *
     * @return the operation's value
     * @throws Exception whatever the operation throws
     */
    protected abstract T evaluate() throws Exception;

    /**
     * Runs this operation in the calling task and returns its value.
     *
     * @return the value
     * @throws dev.weft.task.CancelledException if the calling task is cancelled
     * @throws AsyncException                   wrapping a checked exception thrown by the operation;
     *                                          unchecked exceptions and errors are thrown as they are
     * @throws IllegalStateException            if the calling thread is not a Weft task (use
     *                                          {@code AsyncRuntime.run} or {@code blockOn})
     */
    public final T await() {
        TaskContext.checkpoint(TaskContext.requireTask("Async.await()"));
        try {
            return evaluate();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new AsyncException(e);
        }
    }

    /**
     * An operation that calls {@code body} when awaited.
     *
     * @throws NullPointerException if {@code body} is null
     */
    public static <T> Async<T> of(Callable<? extends T> body) {
        Objects.requireNonNull(body, "body");
        return new Async<>() {
            @Override
            protected T evaluate() throws Exception {
                return body.call();
            }
        };
    }

    /**
     * An operation that runs {@code body} when awaited and produces no value.
     *
     * @throws NullPointerException if {@code body} is null
     */
    public static Async<Void> run(Runnable body) {
        Objects.requireNonNull(body, "body");
        return new Async<>() {
            @Override
            protected Void evaluate() {
                body.run();
                return null;
            }
        };
    }

    /** An operation whose value is {@code value}, ready at once. */
    public static <T> Async<T> completed(T value) {
        return new Async<>() {
            @Override
            protected T evaluate() {
                return value;
            }
        };
    }

    /** An operation that awaits this one and applies {@code mapper} to its value. Lazy like this one. */
    public final <R> Async<R> map(Function<? super T, ? extends R> mapper) {
        Objects.requireNonNull(mapper, "mapper");
        return of(() -> mapper.apply(await()));
    }

    /** An operation that awaits this one, then awaits the operation {@code next} makes of its value. */
    public final <R> Async<R> flatMap(Function<? super T, ? extends Async<? extends R>> next) {
        Objects.requireNonNull(next, "next");
        return of(() -> next.apply(await()).await());
    }
}
