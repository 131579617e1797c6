package dev.weft.time;

import java.time.Duration;

/**
 * A point on a runtime's monotonic clock, like Tokio's {@code Instant}: what {@link Time#now()} returns
 * and what {@link Time#sleepUntil(Moment)} waits for. Under a paused clock ({@link TestClock}) it moves
 * only when the clock is advanced. Moments are meant to be compared within one runtime.
 *
 * {@snippet :
 * Moment start = Time.now();
 * Time.sleep(Duration.ofMillis(10)).await();
 * Duration took = Time.now().durationSince(start);   // at least 10 ms
 * }
 */
public final class Moment implements Comparable<Moment> {

    private final long nanos;

    Moment(long nanos) {
        this.nanos = nanos;
    }

    long nanos() {
        return nanos;
    }

    /**
     * This moment moved forward by {@code duration}.
     *
     * @throws IllegalArgumentException if {@code duration} is negative or more than 100 years
     */
    public Moment plus(Duration duration) {
        return new Moment(nanos + Time.checkedNanos(duration));
    }

    /** The time from {@code earlier} to this moment; zero if {@code earlier} is later. */
    public Duration durationSince(Moment earlier) {
        long difference = nanos - earlier.nanos;
        return difference > 0 ? Duration.ofNanos(difference) : Duration.ZERO;
    }

    /** True when this moment comes before {@code other}. */
    public boolean isBefore(Moment other) {
        return nanos - other.nanos < 0;
    }

    @Override
    public int compareTo(Moment other) {
        return Long.signum(nanos - other.nanos);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Moment moment && moment.nanos == nanos;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(nanos);
    }

    @Override
    public String toString() {
        return "Moment[" + nanos + " ns]";
    }
}
