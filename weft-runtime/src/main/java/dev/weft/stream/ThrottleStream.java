package dev.weft.stream;

import dev.weft.Async;
import dev.weft.runtime.internal.poll.Pollables;
import dev.weft.runtime.internal.poll.Waker;
import dev.weft.time.Moment;
import dev.weft.time.Time;

import java.time.Duration;
import java.util.Optional;

/*
 * Implementation notes.
 *
 * Tokio's throttle: after a value is produced, `notBefore` is set one period ahead, and the next
 * evaluation first waits for that moment and only then pulls the source, so values are at least a
 * period apart and the source is not pulled early. The first value is not delayed. The moment is kept
 * by the stream, so a cancelled evaluation that had waited part of the delay leaves the rest to the
 * next one. Owned by its consumer.
 */

/** A throttled stream. See the implementation notes. */
final class ThrottleStream<T> implements AsyncStream<T> {

    private final NextSlot<T> slot;
    private final Duration period;
    private Moment notBefore;

    ThrottleStream(AsyncStream<T> source, Duration period) {
        this.slot = new NextSlot<>(source);
        this.period = period;
    }

    @Override
    public Async<Optional<T>> next() {
        return Pollables.async(Step::new);
    }

    /** One evaluation of next(). */
    private final class Step extends StreamStep<T> {

        private final DeadlineWait delay = new DeadlineWait();

        @Override
        Optional<T> advance(Waker waker) {
            if (notBefore != null && !delay.poll(notBefore, waker)) {
                return null;
            }
            if (!slot.poll(waker)) {
                return null;
            }
            Optional<T> value = slot.take();
            if (value.isPresent() && !period.isZero()) {
                notBefore = Time.now().plus(period);
            }
            return value;
        }

        @Override
        void release() {
            delay.release();
            slot.release();
        }
    }
}
