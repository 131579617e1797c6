package dev.weft.time;

import java.time.Duration;

/**
 * What an {@link Interval} does when a tick was missed: when its task came back to {@code tick()} more
 * than 5 ms after a tick was due (it was busy, or the runtime was). Tokio's behaviours, with the same
 * names.
 */
public enum MissedTickBehavior {
    /**
     * Catch up: the missed ticks complete at once, one per {@code tick()}, until the schedule is kept
     * again; the ticks stay on the original grid. The default.
     */
    BURST,
    /** Start again from now: the next tick is one period after the late one completed. */
    DELAY,
    /** Drop the missed ticks: the next tick is the next one on the original grid after now. */
    SKIP;

    /** The deadline of the tick after one that was due at {@code missed} and completed at {@code now}. */
    long nextDeadline(long missed, long now, long period) {
        return switch (this) {
            case BURST -> missed + period;
            case DELAY -> now + period;
            case SKIP -> now + period - (now - missed) % period;
        };
    }

    /** The lateness from which a tick counts as missed. */
    static final long TOLERANCE_NANOS = Duration.ofMillis(5).toNanos();
}
