package dev.weft.stream;

import dev.weft.Async;

import java.util.Optional;

/**
 * A pull-based asynchronous sequence of values: Tokio's {@code Stream}. Each {@link #next()} is a lazy
 * operation that, when awaited, waits for the next value and returns it, or returns an empty
 * {@link Optional} once the stream has ended.
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
 * <h2>Cancellation</h2>
 * Whether a cancelled {@code next()} loses a value depends on the source; each source documents it
 * (a channel's receive is cancel-safe, so a stream over it loses nothing).
 *
 * @param <T> the type of the values
 */
@FunctionalInterface
public interface AsyncStream<T> {

    /**
     * The next value, or empty once the stream has ended; after the end every call returns empty.
     */
    Async<Optional<T>> next();
}
