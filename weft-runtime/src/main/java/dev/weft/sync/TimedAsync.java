package dev.weft.sync;

import dev.weft.runtime.internal.poll.Pollable;
import dev.weft.runtime.internal.poll.PollingAsync;
import dev.weft.runtime.internal.poll.Waker;
import dev.weft.runtime.internal.task.RuntimeCore;
import dev.weft.runtime.internal.task.TaskContext;
import dev.weft.runtime.internal.time.TimeDriver;
import dev.weft.runtime.internal.time.TimerEntry;
import dev.weft.time.Elapsed;
import dev.weft.time.Time;

import java.time.Duration;
import java.util.Objects;

/*
 * Implementation notes.
 *
 * The `lock(Duration)` column of the naming matrix: a waiting operation with a deadline, on the poll
 * protocol (Tokio's `timeout` future: poll the operation first, then the timer). The first poll that
 * cannot complete registers a timer in the runtime's wheel; the timer wakes the latest waker. A poll
 * that finds the timer fired abandons the operation (so it consumes nothing) and completes with
 * Elapsed. An operation that is ready at once never touches the wheel, and a zero timeout behaves like
 * the `try` variant that throws Elapsed instead of returning empty.
 *
 * `waker` and `fired` are volatile: the poll publishes its waker before reading `fired`, and the timer
 * sets `fired` before reading the waker, so one of the two sees the other and no expiry is missed.
 */

/** An operation with a deadline; see the implementation notes. */
final class TimedAsync<T> extends PollingAsync<T> {

    private final PollingAsync<T> operation;
    private final Duration timeout;
    private final long timeoutNanos;
    private final String what;

    private TimedAsync(PollingAsync<T> operation, Duration timeout, String what) {
        this.operation = operation;
        this.timeout = timeout;
        this.timeoutNanos = timeout.toNanos();
        this.what = what;
    }

    /**
     * {@code operation} with a deadline {@code timeout} after each await starts.
     *
     * @throws IllegalArgumentException if {@code timeout} is negative or longer than {@link Time#MAX_DURATION}
     */
    static <T> TimedAsync<T> of(PollingAsync<T> operation, Duration timeout, String what) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout < 0: " + timeout);
        }
        if (timeout.compareTo(Time.MAX_DURATION) > 0) {
            throw new IllegalArgumentException("timeout > " + Time.MAX_DURATION + ": " + timeout);
        }
        return new TimedAsync<>(operation, timeout, what);
    }

    @Override
    public Pollable<T> start() {
        RuntimeCore runtime = TaskContext.currentRuntime();
        if (runtime == null) {
            throw new IllegalStateException(what + " with a timeout needs a Weft runtime; thread '"
                    + Thread.currentThread().getName() + "' belongs to none");
        }
        TimeDriver timers = runtime.timers();
        return new Timed<>(operation.start(), timers, timers.clock().nanoTime() + timeoutNanos, this);
    }

    private Elapsed elapsed() {
        return new Elapsed(what + " did not complete within " + timeout);
    }

    /** One evaluation: the operation and its timer. */
    private static final class Timed<T> extends TimerEntry implements Pollable<T> {

        private final Pollable<T> operation;
        private final TimeDriver timers;
        private final long deadline;
        private final TimedAsync<T> owner;
        private volatile Waker waker;
        private volatile boolean fired;
        private boolean armed;
        private boolean elapsed;

        Timed(Pollable<T> operation, TimeDriver timers, long deadline, TimedAsync<T> owner) {
            this.operation = operation;
            this.timers = timers;
            this.deadline = deadline;
            this.owner = owner;
        }

        @Override
        public boolean poll(Waker latest) {
            if (operation.poll(latest)) {
                disarm();
                return true;
            }
            waker = latest;
            if (!armed) {
                armed = true;
                if (!timers.register(this, deadline)) {
                    fired = true;
                }
            }
            if (fired) {
                operation.abandon();
                elapsed = true;
                return true;
            }
            return false;
        }

        @Override
        public T result() {
            if (elapsed) {
                throw owner.elapsed();
            }
            return operation.result();
        }

        @Override
        public void abandon() {
            operation.abandon();
            disarm();
        }

        @Override
        protected void fire() {
            fired = true;
            Waker target = waker;
            if (target != null) {
                target.wake();
            }
        }

        private void disarm() {
            if (armed && !fired) {
                timers.cancel(this);
            }
        }
    }
}
