package dev.weft.time;

import dev.weft.Async;
import dev.weft.runtime.internal.poll.Pollable;
import dev.weft.runtime.internal.poll.Pollables;
import dev.weft.runtime.internal.poll.Waker;
import dev.weft.runtime.internal.task.TaskTimers;

import java.time.Duration;
import java.util.Objects;

/**
 * Ticks at a fixed period, like Tokio's {@code Interval}: made by {@link Time#interval(Duration)}, the
 * first tick completes at once, and each {@link #tick()} waits for the next. What happens after a missed
 * tick is set by {@link MissedTickBehavior} ({@code BURST} by default).
 *
 * {@snippet :
 * Interval everySecond = Time.interval(Duration.ofSeconds(1));
 * for (int i = 0; i < 3; i++) {
 *     Moment scheduled = everySecond.tick().await();   // at 0 s, 1 s, 2 s
 * }
 * }
 *
 * <h2>Cancellation</h2>
 * {@link #tick()} is cancel-safe: a tick whose wait is cancelled (or loses a
 * {@link dev.weft.sync.Select}) is not consumed; the next call to {@code tick()} returns it.
 *
 * <p>Not thread-safe: one task at a time uses an interval.
 */
public final class Interval {

    private final long period;
    private MissedTickBehavior missedTickBehavior = MissedTickBehavior.BURST;
    private long nextDeadline;

    Interval(long firstDeadline, long period) {
        this.nextDeadline = firstDeadline;
        this.period = period;
    }

    /**
     * An operation that waits for the next tick and returns the moment it was scheduled for (not the
     * moment it completed, which may be later).
     */
    public Async<Moment> tick() {
        return Pollables.async(Tick::new);
    }

    /** Restarts the schedule: the next tick is one period from now. */
    public void reset() {
        nextDeadline = TaskTimers.now() + period;
    }

    /** Sets what happens after a missed tick; returns this interval. */
    public Interval missedTickBehavior(MissedTickBehavior behavior) {
        this.missedTickBehavior = Objects.requireNonNull(behavior, "behavior");
        return this;
    }

    /** The behaviour after a missed tick. */
    public MissedTickBehavior missedTickBehavior() {
        return missedTickBehavior;
    }

    /** The period between ticks. */
    public Duration period() {
        return Duration.ofNanos(period);
    }

    /** One wait for the next tick; the tick is consumed only when a poll completes it. */
    private final class Tick implements Pollable<Moment> {

        private final long scheduled = nextDeadline;
        private final Sleep sleep = new Sleep(scheduled);

        @Override
        public boolean poll(Waker waker) {
            if (!sleep.poll(waker)) {
                return false;
            }
            long now = TaskTimers.now();
            nextDeadline = now - scheduled > MissedTickBehavior.TOLERANCE_NANOS
                    ? missedTickBehavior.nextDeadline(scheduled, now, period)
                    : scheduled + period;
            return true;
        }

        @Override
        public Moment result() {
            return new Moment(scheduled);
        }

        @Override
        public void abandon() {
            sleep.abandon();
        }
    }
}
