package dev.weft;

import dev.weft.runtime.internal.poll.MappedPollingAsync;
import dev.weft.runtime.internal.poll.PollingAsync;
import dev.weft.runtime.internal.select.Joins;
import dev.weft.runtime.internal.task.AsyncEvaluation;
import dev.weft.runtime.internal.task.TaskContext;

import java.util.Arrays;
import java.util.List;
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
 * <p>{@link #join(Async, Async)}, {@link #tryJoin(Async, Async)} and {@link #race(Async[])} run several
 * operations concurrently in the awaiting task; {@link dev.weft.sync.Select} waits for the first of
 * several with a handler for each.
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

    /**
     * An operation that awaits this one and applies {@code mapper} to its value. Lazy like this one, and
     * as cancel-safe: the mapped form of one of Weft's waiting operations (a receive, a sleep) is still
     * waited for in place by {@link dev.weft.sync.Select}, and {@code mapper} runs only on a value taken.
     */
    public final <R> Async<R> map(Function<? super T, ? extends R> mapper) {
        Objects.requireNonNull(mapper, "mapper");
        if (this instanceof PollingAsync<T> polling) {
            return new MappedPollingAsync<>(polling, mapper);
        }
        return of(() -> mapper.apply(await()));
    }

    /** An operation that awaits this one, then awaits the operation {@code next} makes of its value. */
    public final <R> Async<R> flatMap(Function<? super T, ? extends Async<? extends R>> next) {
        Objects.requireNonNull(next, "next");
        return of(() -> next.apply(await()).await());
    }

    /**
     * An operation that awaits {@code first} and {@code second} concurrently and returns both values, like
     * Tokio's {@code join!}. Operations that Weft can poll (its own waiting operations: sleeps, receives,
     * locks) are waited for in the calling task itself; any other operation runs as a child task. If one
     * fails, the other is still awaited to its end, and then the first failure is thrown (later ones are
     * attached as suppressed exceptions); use {@link #tryJoin(Async, Async)} to stop at the first failure.
     *
     * {@snippet :
     * Async.Pair<String, Integer> both = Async.join(
     *         Async.of(() -> "answer"),
     *         Time.sleep(Duration.ofMillis(10)).map(ignored -> 42)).await();
     * String label = both.first();   // "answer"
     * int value = both.second();     // 42
     * }
     *
     * <h4>Cancellation</h4>
     * Not cancel-safe: if the awaiting task is cancelled, every operation still pending is cancelled and
     * has unwound (its child task finished) before {@link dev.weft.task.CancelledException} is thrown, and
     * the values of the operations that had already completed are lost (a message received is dropped).
     *
     * @throws NullPointerException if an operation is null
     */
    public static <A, B> Async<Pair<A, B>> join(Async<A> first, Async<B> second) {
        List<Async<?>> operations = Joins.checked(Arrays.asList(first, second));
        return of(() -> Pair.of(Joins.all(operations, false)));
    }

    /** Like {@link #join(Async, Async)} for three operations. */
    public static <A, B, C> Async<Triple<A, B, C>> join(Async<A> first, Async<B> second, Async<C> third) {
        List<Async<?>> operations = Joins.checked(Arrays.asList(first, second, third));
        return of(() -> Triple.of(Joins.all(operations, false)));
    }

    /**
     * Like {@link #join(Async, Async)} for any number of operations of one type: their values, in the order
     * of {@code operations} (an unmodifiable list that may hold nulls).
     */
    public static <T> Async<List<T>> joinAll(List<? extends Async<? extends T>> operations) {
        List<Async<?>> checked = Joins.checked(operations);
        return of(() -> uncheckedList(Joins.all(checked, false)));
    }

    /**
     * An operation that awaits {@code first} and {@code second} concurrently, like Tokio's
     * {@code try_join!}: when one fails, the other is cancelled, and once it has unwound (its
     * {@code finally} blocks ran) the failure is thrown. Otherwise returns both values.
     *
     * {@snippet :
     * try {
     *     Async.tryJoin(
     *             Async.run(() -> { throw new IllegalStateException("no route"); }),
     *             Time.sleep(Duration.ofDays(1))).await();
     * } catch (IllegalStateException failed) {
     *     // the day-long sleep was cancelled and has unwound
     * }
     * }
     *
     * <h4>Cancellation</h4>
     * Not cancel-safe, as {@link #join(Async, Async)}: pending operations are cancelled and have unwound
     * before the exception is thrown; values already produced are lost.
     *
     * @throws NullPointerException if an operation is null
     */
    public static <A, B> Async<Pair<A, B>> tryJoin(Async<A> first, Async<B> second) {
        List<Async<?>> operations = Joins.checked(Arrays.asList(first, second));
        return of(() -> Pair.of(Joins.all(operations, true)));
    }

    /** Like {@link #tryJoin(Async, Async)} for three operations. */
    public static <A, B, C> Async<Triple<A, B, C>> tryJoin(Async<A> first, Async<B> second, Async<C> third) {
        List<Async<?>> operations = Joins.checked(Arrays.asList(first, second, third));
        return of(() -> Triple.of(Joins.all(operations, true)));
    }

    /** Like {@link #tryJoin(Async, Async)} for any number of operations of one type; values in order. */
    public static <T> Async<List<T>> tryJoinAll(List<? extends Async<? extends T>> operations) {
        List<Async<?>> checked = Joins.checked(operations);
        return of(() -> uncheckedList(Joins.all(checked, true)));
    }

    /**
     * An operation that awaits {@code operations} concurrently and completes as the first of them does,
     * with its value or its failure; the others are cancelled and have unwound before it returns or
     * throws. When several are ready at the same time, the earliest in the argument order wins (use
     * {@link dev.weft.sync.Select} for fair choice and a handler per operation).
     *
     * {@snippet :
     * String fastest = Async.race(
     *         Time.sleep(Duration.ofSeconds(5)).map(ignored -> "primary"),
     *         Time.sleep(Duration.ofMillis(5)).map(ignored -> "replica")).await();   // "replica"
     * }
     *
     * <h4>Cancellation</h4>
     * As cancel-safe as the operations: the losers are cancelled the way a cancelled task cancels them,
     * so a lost receive of a Weft channel loses no message, and a lost operation that runs as a child
     * task (one Weft cannot poll in place) is aborted, and whatever it had produced is lost. If the
     * awaiting task is cancelled, every operation is cancelled and has unwound before
     * {@link dev.weft.task.CancelledException} is thrown.
     *
     * @throws IllegalArgumentException if there is no operation
     * @throws NullPointerException     if an operation is null
     */
    @SafeVarargs
    public static <T> Async<T> race(Async<? extends T>... operations) {
        return race(Arrays.asList(operations));
    }

    /** Like {@link #race(Async[])} with the operations in a list. */
    @SuppressWarnings("unchecked")
    public static <T> Async<T> race(List<? extends Async<? extends T>> operations) {
        List<Async<?>> checked = Joins.checked(operations);
        if (checked.isEmpty()) {
            throw new IllegalArgumentException("race of no operations: there would be no first to complete");
        }
        return of(() -> (T) Joins.first(checked));
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> uncheckedList(List<Object> values) {
        return (List<T>) values;
    }

    /**
     * The values of two operations awaited together ({@link #join(Async, Async)}).
     *
     * @param first  the first operation's value
     * @param second the second operation's value
     * @param <A>    the type of the first value
     * @param <B>    the type of the second value
     */
    public record Pair<A, B>(A first, B second) {

        @SuppressWarnings("unchecked")
        private static <A, B> Pair<A, B> of(List<Object> values) {
            return new Pair<>((A) values.get(0), (B) values.get(1));
        }
    }

    /**
     * The values of three operations awaited together ({@link #join(Async, Async, Async)}).
     *
     * @param first  the first operation's value
     * @param second the second operation's value
     * @param third  the third operation's value
     * @param <A>    the type of the first value
     * @param <B>    the type of the second value
     * @param <C>    the type of the third value
     */
    public record Triple<A, B, C>(A first, B second, C third) {

        @SuppressWarnings("unchecked")
        private static <A, B, C> Triple<A, B, C> of(List<Object> values) {
            return new Triple<>((A) values.get(0), (B) values.get(1), (C) values.get(2));
        }
    }
}
