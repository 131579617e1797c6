package dev.weft.stream;

import dev.weft.Async;
import dev.weft.runtime.internal.poll.Pollables;
import dev.weft.runtime.internal.poll.PollingAsync;
import dev.weft.runtime.internal.poll.Waker;

import java.util.Optional;
import java.util.function.Predicate;

/*
 * Implementation notes.
 *
 * The values of a source that pass a predicate. Over a pollable source, one evaluation polls the
 * source's next() values in turn inside its own poll (through a NextSlot), dropping those that fail,
 * until one passes or the source is pending; abandoning it abandons the source's pending next(), so
 * nothing that passes is lost. Over any other source it awaits the source's next() values in a loop.
 * Owned by its consumer.
 */

/** A filtered stream. See the implementation notes. */
final class FilterStream<T> implements AsyncStream<T> {

    private final AsyncStream<T> source;
    private final Predicate<? super T> predicate;
    private final NextSlot<T> slot;

    FilterStream(AsyncStream<T> source, Predicate<? super T> predicate) {
        this.source = source;
        this.predicate = predicate;
        this.slot = new NextSlot<>(source);
    }

    @Override
    public Async<Optional<T>> next() {
        if (source.next() instanceof PollingAsync<Optional<T>>) {
            return Pollables.async(Step::new);
        }
        return Async.of(() -> {
            Optional<T> value;
            do {
                value = source.next().await();
            } while (!passes(value));
            return value;
        });
    }

    private boolean passes(Optional<T> value) {
        return value.isEmpty() || predicate.test(value.get());
    }

    /** One evaluation over a pollable source. */
    private final class Step extends StreamStep<T> {

        @Override
        Optional<T> advance(Waker waker) {
            while (slot.poll(waker)) {
                Optional<T> value = slot.take();
                if (passes(value)) {
                    return value;
                }
            }
            return null;
        }

        @Override
        void release() {
            slot.release();
        }
    }
}
