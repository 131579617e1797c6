package dev.weft.stream;

import dev.weft.Async;
import dev.weft.runtime.internal.poll.Pollables;
import dev.weft.runtime.internal.poll.Waker;
import dev.weft.time.Moment;
import dev.weft.time.Time;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/*
 * Implementation notes.
 *
 * Tokio's chunks_timeout: the chunk being built, and the moment it must close (one timeout after its
 * first value), belong to the stream, not to an evaluation of next(). An evaluation drains every value
 * the source has ready into the chunk, produces it when it is full, when the source ends, or when the
 * closing moment passes while the source is pending. A cancelled evaluation therefore loses nothing:
 * the values stay in the chunk, and the source's pending next() is kept or abandoned by the NextSlot.
 * Owned by its consumer.
 */

/** A stream of chunks. See the implementation notes. */
final class ChunksTimeoutStream<T> implements AsyncStream<List<T>> {

    private final NextSlot<T> slot;
    private final int maxSize;
    private final Duration timeout;
    private final List<T> chunk = new ArrayList<>();
    private Moment closesAt;
    private boolean ended;

    ChunksTimeoutStream(AsyncStream<T> source, int maxSize, Duration timeout) {
        this.slot = new NextSlot<>(source);
        this.maxSize = maxSize;
        this.timeout = timeout;
    }

    @Override
    public Async<Optional<List<T>>> next() {
        return Pollables.async(Step::new);
    }

    private Optional<List<T>> close() {
        List<T> full = List.copyOf(chunk);
        chunk.clear();
        return Optional.of(full);
    }

    /** One evaluation of next(). */
    private final class Step extends StreamStep<List<T>> {

        private final DeadlineWait closing = new DeadlineWait();

        @Override
        Optional<List<T>> advance(Waker waker) {
            while (!ended && slot.poll(waker)) {
                Optional<T> value = slot.take();
                if (value.isEmpty()) {
                    ended = true;
                } else {
                    if (chunk.isEmpty()) {
                        closesAt = Time.now().plus(timeout);
                    }
                    chunk.add(value.get());
                    if (chunk.size() >= maxSize) {
                        return close();
                    }
                }
            }
            if (ended) {
                return chunk.isEmpty() ? Optional.empty() : close();
            }
            if (!chunk.isEmpty() && closing.poll(closesAt, waker)) {
                return close();
            }
            return null;
        }

        @Override
        void release() {
            closing.release();
            slot.release();
        }
    }
}
