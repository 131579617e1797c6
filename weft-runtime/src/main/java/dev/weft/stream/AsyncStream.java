package dev.weft.stream;

import dev.weft.Async;
import dev.weft.time.Interval;
import dev.weft.time.Moment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collector;
import java.util.stream.Collectors;

/**
 * A pull-based asynchronous sequence of values: Tokio's {@code Stream}. Each {@link #next()} is a lazy
 * operation that, when awaited, waits for the next value and returns it, or returns an empty
 * {@link Optional} once the stream has ended. Values are never null.
 *
 * {@snippet :
 * static Async<Integer> sum(AsyncStream<Integer> numbers) {
 *     return Async.of(() -> {
 *         int total = 0;
 *         for (Optional<Integer> next; (next = numbers.next().await()).isPresent(); ) {
 *             total += next.get();
 *         }
 *         return total;
 *     });
 * }
 * }
 *
 * <p>The operators ({@link #map}, {@link #filter}, {@link #take}, {@link #chunksTimeout},
 * {@link #throttle}, {@link #merge}, {@link StreamMap}) return new streams that pull from this one when
 * they are pulled; the terminal operations ({@link #fold}, {@link #collect}, {@link #toList},
 * {@link #forEach}) are operations that consume the stream when awaited. A stream is consumed by one
 * task at a time, one {@code next()} at a time. The streams Weft makes take their next value when the
 * {@code Async} returned by {@code next()} is evaluated, so that {@code Async} may be awaited again
 * (in a loop around a select built once) to take the value after.
 *
 * <h2>Cancellation</h2>
 * Whether a cancelled {@code next()} loses a value depends on the source; each source documents it
 * (a channel's receive is cancel-safe, so a stream over it loses nothing). When a source's
 * {@code next()} is one of Weft's pollable operations, the operators keep it pollable, so that a
 * {@link dev.weft.sync.Select} over the derived stream waits for it in place and loses nothing when
 * another branch wins. Operators that wait for a source next to something else (a timer, other
 * streams) run the {@code next()} of a source Weft cannot poll as a child task, and keep that task
 * across cancellations, so its value is not lost either.
 *
 * @param <T> the type of the values
 */
@FunctionalInterface
public interface AsyncStream<T> {

    /**
     * The next value, or empty once the stream has ended; after the end every call returns empty.
     */
    Async<Optional<T>> next();

    /**
     * A stream of the given values, in order.
     *
     * {@snippet :
     * List<String> words = AsyncStream.of("a", "b", "c").toList().await();   // [a, b, c]
     * }
     *
     * <h4>Cancellation</h4>
     * {@code next()} never waits, so it is never cancelled part-way: a value is taken only when returned.
     *
     * @throws NullPointerException if a value is null
     */
    @SafeVarargs
    static <T> AsyncStream<T> of(T... values) {
        return fromIterable(List.of(values));
    }

    /**
     * A stream of the elements of {@code source}, in iteration order; the iterator is made when the
     * stream is made and advanced by each {@code next()}.
     *
     * {@snippet :
     * int total = AsyncStream.fromIterable(List.of(1, 2, 3)).fold(0, Integer::sum).await();   // 6
     * }
     *
     * <h4>Cancellation</h4>
     * As {@link #of}: an element is taken only when {@code next()} returns it.
     *
     * @throws NullPointerException if {@code source} is null, or (from {@code next()}) an element is null
     */
    static <T> AsyncStream<T> fromIterable(Iterable<? extends T> source) {
        return new IterableStream<>(source.iterator());
    }

    /**
     * A stream that has ended: {@code next()} returns empty.
     *
     * {@snippet :
     * boolean ended = AsyncStream.<String>empty().next().await().isEmpty();   // true
     * }
     *
     * <h4>Cancellation</h4>
     * Nothing to lose.
     */
    static <T> AsyncStream<T> empty() {
        return fromIterable(List.of());
    }

    /**
     * The ticks of {@code interval} as a never-ending stream of the moments each tick was scheduled for
     * (Tokio's {@code IntervalStream}).
     *
     * {@snippet :
     * AsyncStream<Moment> ticks = AsyncStream.ticks(Time.interval(Duration.ofSeconds(1)));
     * List<Moment> firstThree = ticks.take(3).toList().await();   // at 0 s, 1 s, 2 s
     * }
     *
     * <h4>Cancellation</h4>
     * Cancel-safe, as {@link Interval#tick()}: a tick whose wait is cancelled is not consumed.
     *
     * @throws NullPointerException if {@code interval} is null
     */
    static AsyncStream<Moment> ticks(Interval interval) {
        Objects.requireNonNull(interval, "interval");
        return () -> interval.tick().map(Optional::of);
    }

    /**
     * A stream of the values of all {@code streams}, as each produces them; it ends when all have ended.
     * Fair: each {@code next()} polls the streams from the one after the stream that produced the last
     * value, so a busy stream cannot starve the others.
     *
     * {@snippet :
     * List<Integer> all = AsyncStream.merge(AsyncStream.of(1, 3), AsyncStream.of(2, 4)).toList().await();
     * // [1, 2, 3, 4]: the streams take turns
     * }
     *
     * <h4>Cancellation</h4>
     * As cancel-safe as the merged streams: a cancelled {@code next()} abandons its in-place polls of
     * their {@code next()}, and keeps a child task running a {@code next()} Weft cannot poll until a
     * later call takes its value.
     *
     * @throws NullPointerException if a stream is null
     */
    @SafeVarargs
    static <T> AsyncStream<T> merge(AsyncStream<? extends T>... streams) {
        return merge(Arrays.asList(streams));
    }

    /** Like {@link #merge(AsyncStream[])} with the streams in a list. */
    static <T> AsyncStream<T> merge(List<? extends AsyncStream<? extends T>> streams) {
        StreamMap<Integer, T> keyed = new StreamMap<>();
        for (int i = 0; i < streams.size(); i++) {
            keyed.insert(i, Objects.requireNonNull(streams.get(i), "stream " + i + " is null"));
        }
        return keyed.map(Map.Entry::getValue);
    }

    /**
     * A stream of {@code mapper} applied to each value of this one.
     *
     * {@snippet :
     * List<Integer> lengths = AsyncStream.of("a", "bb").map(String::length).toList().await();   // [1, 2]
     * }
     *
     * <h4>Cancellation</h4>
     * As cancel-safe as this stream; {@code mapper} runs only on values taken.
     *
     * @throws NullPointerException if {@code mapper} is null, or (from {@code next()}) returns null
     */
    default <R> AsyncStream<R> map(Function<? super T, ? extends R> mapper) {
        Objects.requireNonNull(mapper, "mapper");
        return () -> next().map(value -> value.map(v -> Objects.requireNonNull(mapper.apply(v), "mapper returned null")));
    }

    /**
     * A stream of the values of this one that satisfy {@code predicate}.
     *
     * {@snippet :
     * List<Integer> even = AsyncStream.of(1, 2, 3, 4).filter(n -> n % 2 == 0).toList().await();   // [2, 4]
     * }
     *
     * <h4>Cancellation</h4>
     * As cancel-safe as this stream: values that fail the predicate are consumed, the others are taken
     * only when returned.
     *
     * @throws NullPointerException if {@code predicate} is null
     */
    default AsyncStream<T> filter(Predicate<? super T> predicate) {
        return new FilterStream<>(this, Objects.requireNonNull(predicate, "predicate"));
    }

    /**
     * A stream of the first {@code count} values of this one; it ends after them without pulling more.
     *
     * {@snippet :
     * List<Integer> firstTwo = AsyncStream.of(1, 2, 3).take(2).toList().await();   // [1, 2]
     * }
     *
     * <h4>Cancellation</h4>
     * As cancel-safe as this stream; a cancelled {@code next()} does not count.
     *
     * @throws IllegalArgumentException if {@code count} is negative
     */
    default AsyncStream<T> take(long count) {
        if (count < 0) {
            throw new IllegalArgumentException("count < 0: " + count);
        }
        return new TakeStream<>(this, count);
    }

    /**
     * A stream of the values of this one in chunks (Tokio's {@code chunks_timeout}): a chunk is
     * produced when it holds {@code maxSize} values, or when {@code timeout} has passed since its first
     * value arrived, or when this stream ends (then with the values gathered so far, if any). Chunks are
     * unmodifiable and never empty.
     *
     * {@snippet :
     * // one value every 400 ms, in chunks of at most 10 values or 1 s
     * AsyncStream<Moment> ticks = AsyncStream.ticks(Time.interval(Duration.ofMillis(400)));
     * List<Moment> chunk = ticks.chunksTimeout(10, Duration.ofSeconds(1)).next().await().orElseThrow();
     * // 3 ticks: at 0, 400 and 800 ms; the chunk closes at 1 000 ms
     * }
     *
     * <h4>Cancellation</h4>
     * Cancel-safe when this stream is: values already gathered stay in the chunk being built, and a
     * cancelled {@code next()} loses nothing of this stream's (see the interface's notes).
     *
     * @throws IllegalArgumentException if {@code maxSize} is not positive or {@code timeout} is negative
     */
    default AsyncStream<List<T>> chunksTimeout(int maxSize, Duration timeout) {
        if (maxSize <= 0) {
            throw new IllegalArgumentException("maxSize <= 0: " + maxSize);
        }
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout < 0: " + timeout);
        }
        return new ChunksTimeoutStream<>(this, maxSize, timeout);
    }

    /**
     * A stream of the values of this one, at least {@code period} apart (Tokio's {@code throttle}): after
     * a value is produced, the next is not pulled from this stream before {@code period} has passed.
     *
     * {@snippet :
     * AsyncStream<Integer> slow = AsyncStream.of(1, 2, 3).throttle(Duration.ofSeconds(1));
     * slow.forEach(n -> System.out.println(n + " at " + Time.now())).await();   // 0 s, 1 s, 2 s
     * }
     *
     * <h4>Cancellation</h4>
     * Cancel-safe when this stream is: a cancelled {@code next()} loses nothing of this stream's, and
     * the delay already waited counts for the next call.
     *
     * @throws IllegalArgumentException if {@code period} is negative
     */
    default AsyncStream<T> throttle(Duration period) {
        Objects.requireNonNull(period, "period");
        if (period.isNegative()) {
            throw new IllegalArgumentException("period < 0: " + period);
        }
        return new ThrottleStream<>(this, period);
    }

    /**
     * An operation that consumes the stream, combining its values from {@code initial} with
     * {@code accumulator}, and returns the result.
     *
     * {@snippet :
     * int total = AsyncStream.of(1, 2, 3).fold(0, Integer::sum).await();   // 6
     * }
     *
     * <h4>Cancellation</h4>
     * Not cancel-safe: a cancelled fold loses the values it had consumed.
     *
     * @throws NullPointerException if {@code accumulator} is null
     */
    default <R> Async<R> fold(R initial, BiFunction<R, ? super T, R> accumulator) {
        Objects.requireNonNull(accumulator, "accumulator");
        return Async.of(() -> {
            R result = initial;
            for (Optional<T> value = next().await(); value.isPresent(); value = next().await()) {
                result = accumulator.apply(result, value.get());
            }
            return result;
        });
    }

    /**
     * An operation that consumes the stream into {@code collector}'s result.
     *
     * {@snippet :
     * String joined = AsyncStream.of("a", "b").collect(Collectors.joining(",")).await();   // "a,b"
     * }
     *
     * <h4>Cancellation</h4>
     * Not cancel-safe: a cancelled collect loses the values it had consumed.
     *
     * @throws NullPointerException if {@code collector} is null
     */
    default <A, R> Async<R> collect(Collector<? super T, A, R> collector) {
        Objects.requireNonNull(collector, "collector");
        return Async.of(() -> {
            A container = collector.supplier().get();
            for (Optional<T> value = next().await(); value.isPresent(); value = next().await()) {
                collector.accumulator().accept(container, value.get());
            }
            return collector.finisher().apply(container);
        });
    }

    /**
     * An operation that consumes the stream into a modifiable list, in order.
     *
     * {@snippet :
     * List<String> words = AsyncStream.of("x", "y").toList().await();   // [x, y]
     * }
     *
     * <h4>Cancellation</h4>
     * Not cancel-safe: a cancelled {@code toList} loses the values it had consumed.
     */
    default Async<List<T>> toList() {
        return collect(Collectors.toCollection(ArrayList::new));
    }

    /**
     * An operation that consumes the stream, calling {@code action} with each value in the consuming task.
     *
     * {@snippet :
     * AsyncStream.of("a", "b").forEach(System.out::println).await();
     * }
     *
     * <h4>Cancellation</h4>
     * Cancelled between values, a {@code forEach} has handed every value it consumed to {@code action};
     * cancelled while waiting for a value, it loses what the stream's {@code next()} loses.
     *
     * @throws NullPointerException if {@code action} is null
     */
    default Async<Void> forEach(Consumer<? super T> action) {
        Objects.requireNonNull(action, "action");
        return Async.of(() -> {
            for (Optional<T> value = next().await(); value.isPresent(); value = next().await()) {
                action.accept(value.get());
            }
            return null;
        });
    }
}
