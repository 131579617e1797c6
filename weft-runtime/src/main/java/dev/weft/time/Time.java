package dev.weft.time;

import dev.weft.Async;
import dev.weft.runtime.internal.task.TaskTimers;

import java.time.Duration;
import java.util.Objects;

/**
 * Timers on the runtime's clock: sleeping, deadlines for operations, and the current time. The
 * counterpart of {@code tokio::time}. Timers live in the runtime's timing wheel (1 ms resolution: a
 * sleep ends on the first millisecond tick at or after its deadline, never before).
 *
 * {@snippet :
 * AsyncRuntime.run(() -> {
 *     Time.sleep(Duration.ofMillis(20)).await();
 *     try {
 *         Time.timeout(Duration.ofMillis(50), Time.sleep(Duration.ofSeconds(10))).await();
 *     } catch (Elapsed expected) {
 *         System.out.println("gave up after 50 ms");
 *     }
 * });
 * }
 *
 * <h2>Cancellation</h2>
 * A sleep is cancel-safe: cancelling it (abort, a timeout around it, losing a
 * {@link dev.weft.sync.Select}) removes its timer from the wheel at once and nothing else is lost.
 * {@code Select} waits for a sleep in the selecting task itself, next to its other branches.
 */
public final class Time {

    /** The longest duration Weft accepts: 100 years. */
    public static final Duration MAX_DURATION = Duration.ofDays(36_525);

    private Time() {
    }

    /** The current moment on the calling runtime's clock ({@link System#nanoTime()} outside a runtime). */
    public static Moment now() {
        return new Moment(TaskTimers.now());
    }

    /**
     * An operation that waits for {@code duration}. A zero duration completes at once.
     *
     * @throws IllegalArgumentException if {@code duration} is negative or more than 100 years
     */
    public static Async<Void> sleep(Duration duration) {
        return Sleep.after(checkedNanos(duration));
    }

    /** An operation that waits until {@code deadline}; one already past completes at once. */
    public static Async<Void> sleepUntil(Moment deadline) {
        Objects.requireNonNull(deadline, "deadline");
        long nanos = deadline.nanos();
        return Sleep.until(() -> nanos);
    }

    /**
     * An operation that awaits {@code operation} but gives up after {@code duration}: the operation is
     * cancelled (its next await point throws {@link dev.weft.task.CancelledException}), it unwinds
     * through its {@code finally} blocks, and then {@link Elapsed} is thrown. The operation runs in the
     * calling task; nothing is spawned.
     *
     * <h2>Cancellation</h2>
     * As cancel-safe as {@code operation}: whatever it loses when cancelled at an await point, it loses
     * here when the deadline passes.
     *
     * @throws IllegalArgumentException if {@code duration} is negative or more than 100 years
     */
    public static <T> Async<T> timeout(Duration duration, Async<T> operation) {
        long nanos = checkedNanos(duration);
        Objects.requireNonNull(operation, "operation");
        return Async.of(() -> TaskTimers.timeoutAt(TaskTimers.now() + nanos, operation,
                () -> new Elapsed("operation did not finish within " + duration)));
    }

    /** Like {@link #timeout(Duration, Async)} with a deadline instead of a duration. */
    public static <T> Async<T> timeoutAt(Moment deadline, Async<T> operation) {
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(operation, "operation");
        return Async.of(() -> TaskTimers.timeoutAt(deadline.nanos(), operation,
                () -> new Elapsed("operation did not finish by " + deadline)));
    }

    /**
     * An interval whose first tick completes at once and then every {@code period}.
     *
     * @throws IllegalArgumentException if {@code period} is zero, negative or more than 100 years
     */
    public static Interval interval(Duration period) {
        return new Interval(TaskTimers.now(), checkedPeriod(period));
    }

    /**
     * An interval whose first tick is at {@code start} and then every {@code period}.
     *
     * @throws IllegalArgumentException if {@code period} is zero, negative or more than 100 years
     */
    public static Interval intervalAt(Moment start, Duration period) {
        Objects.requireNonNull(start, "start");
        return new Interval(start.nanos(), checkedPeriod(period));
    }

    private static long checkedPeriod(Duration period) {
        long nanos = checkedNanos(period);
        if (nanos == 0) {
            throw new IllegalArgumentException("period must be positive: " + period);
        }
        return nanos;
    }

    static long checkedNanos(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration < 0: " + duration);
        }
        if (duration.compareTo(MAX_DURATION) > 0) {
            throw new IllegalArgumentException("duration > 100 years: " + duration);
        }
        return duration.toNanos();
    }
}
