package dev.weft.stream;

import dev.weft.runtime.internal.poll.Pollable;
import dev.weft.runtime.internal.poll.Waker;
import dev.weft.runtime.internal.select.InFlight;
import dev.weft.time.Moment;
import dev.weft.time.Time;

/**
 * A wait for a deadline polled inside one evaluation of an operator (the timer of
 * {@code chunksTimeout} and {@code throttle}): a {@link Time#sleepUntil} started on the first poll and
 * restarted when the deadline changes; {@link #release()} unlinks a pending timer.
 */
final class DeadlineWait {

    private Moment deadline;
    private Pollable<Void> sleep;

    /** True once {@code until} has passed; otherwise arranges for {@code waker} to be woken then. */
    boolean poll(Moment until, Waker waker) {
        if (sleep != null && !until.equals(deadline)) {
            release();
        }
        if (sleep == null) {
            deadline = until;
            sleep = InFlight.start(Time.sleepUntil(until));
        }
        if (!sleep.poll(waker)) {
            return false;
        }
        sleep = null;
        return true;
    }

    /** Unlinks a pending timer. */
    void release() {
        if (sleep != null) {
            sleep.abandon();
            sleep = null;
        }
    }
}
