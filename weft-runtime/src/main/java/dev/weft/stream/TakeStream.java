package dev.weft.stream;

import dev.weft.Async;
import dev.weft.runtime.internal.poll.Pollables;
import dev.weft.runtime.internal.poll.PollingAsync;

import java.util.Optional;

/*
 * Implementation notes.
 *
 * The first `remaining` values of a source. The count is checked when an evaluation starts and spent
 * when a value is taken (Async.map runs only on a taken value), so a cancelled next() does not count.
 * A pollable source stays pollable. Owned by its consumer.
 */

/** The first values of a stream. See the implementation notes. */
final class TakeStream<T> implements AsyncStream<T> {

    private final AsyncStream<T> source;
    private long remaining;

    TakeStream(AsyncStream<T> source, long count) {
        this.source = source;
        this.remaining = count;
    }

    @Override
    public Async<Optional<T>> next() {
        Async<Optional<T>> counted = source.next().map(this::count);
        if (counted instanceof PollingAsync<Optional<T>> polling) {
            return Pollables.async(() -> remaining > 0 ? polling.start() : new Immediate<Optional<T>>(Optional::empty).start());
        }
        return Async.of(() -> remaining > 0 ? counted.await() : Optional.empty());
    }

    private Optional<T> count(Optional<T> value) {
        if (value.isPresent()) {
            remaining--;
        }
        return value;
    }
}
