package dev.weft.miniredis.db;

import dev.weft.time.Moment;
import dev.weft.time.Time;

import java.time.Duration;

/**
 * Unix time in milliseconds, as Redis keeps deadlines ({@code EXPIREAT}, {@code PXAT}), read from the
 * runtime's clock: the wall clock is read once, when the clock is made, and from then on time moves with
 * {@link Time#now()}. So a paused test clock ({@code @AsyncTest(startPaused = true)},
 * {@code TestClock.advance}) moves key expiry too, and a change of the system's wall clock does not.
 *
 * {@snippet :
 * ExpiryClock clock = new ExpiryClock();
 * long inTenSeconds = clock.nowMillis() + 10_000;
 * Moment when = clock.momentOf(inTenSeconds);   // what Time.sleepUntil waits for
 * }
 *
 * <p>Make it, and read it, in tasks of one runtime: {@code Time.now()} is that runtime's clock.
 *
 * <h2>Cancellation</h2>
 * Nothing here waits.
 */
public final class ExpiryClock {

    private static final long MAX_AHEAD_MILLIS = Time.MAX_DURATION.toMillis();

    private final long originMillis;
    private final Moment origin;

    /** A clock that reads the system's wall clock now and follows the calling runtime's clock from here. */
    public ExpiryClock() {
        this(System.currentTimeMillis());
    }

    /** A clock that reads {@code originMillis} now and follows the calling runtime's clock from here. */
    public ExpiryClock(long originMillis) {
        this.originMillis = originMillis;
        this.origin = Time.now();
    }

    /** The current Unix time in milliseconds. */
    public long nowMillis() {
        return originMillis + Time.now().durationSince(origin).toMillis();
    }

    /**
     * The moment on the runtime's clock when {@link #nowMillis()} reaches {@code unixMillis}, no earlier
     * than this clock's origin and no later than 100 years after it (the longest a {@code Moment} moves).
     */
    public Moment momentOf(long unixMillis) {
        long ahead = unixMillis <= originMillis ? 0 : Math.min(unixMillis - originMillis, MAX_AHEAD_MILLIS);
        return origin.plus(Duration.ofMillis(ahead));
    }
}
