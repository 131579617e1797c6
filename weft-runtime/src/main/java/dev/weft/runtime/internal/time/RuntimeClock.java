package dev.weft.runtime.internal.time;

/*
 * Implementation notes.
 *
 * The one clock seam of a runtime: every timer deadline, Time.now() and every park timeout come from
 * nanoTime() here. Running, it is System.nanoTime() plus an offset (zero until a pause/resume cycle);
 * paused, it is a frozen value that only advance() moves. resume() picks up from the frozen value, so
 * the clock never jumps back. `frozen` is volatile and read on every call; pause, advance and resume are
 * serialised by this object's monitor. The clock pauses on a whole millisecond after `origin`, the
 * zero of the timer wheel's ticks, so that paused time and timer ticks line up.
 */

/** A runtime's monotonic clock, which tests can pause and advance. See the implementation notes. */
public final class RuntimeClock {

    private static final long RUNNING = Long.MIN_VALUE;
    /** The length of a timer tick (1 ms); a paused clock stands on whole ticks from {@link #origin()}. */
    public static final long TICK_NANOS = 1_000_000L;

    private final long origin = System.nanoTime();
    private volatile long frozen = RUNNING;
    private volatile long offset;

    /** The current time in nanoseconds, on the same scale as {@link System#nanoTime()}. */
    public long nanoTime() {
        long value = frozen;
        return value != RUNNING ? value : System.nanoTime() + offset;
    }

    /**
     * The clock's value when it was created: the zero of the timer wheel's millisecond ticks. A paused
     * clock stands on a whole millisecond from here, so a sleep of whole milliseconds ends exactly when
     * the clock is advanced by as much.
     */
    public long origin() {
        return origin;
    }

    /** True while paused. */
    public boolean isPaused() {
        return frozen != RUNNING;
    }

    /**
     * Freezes the clock.
     *
     * @throws IllegalStateException if it is already paused
     */
    public synchronized void pause() {
        if (isPaused()) {
            throw new IllegalStateException("the clock is already paused");
        }
        long sinceOrigin = System.nanoTime() + offset - origin;
        frozen = origin + Math.ceilDiv(sinceOrigin, TICK_NANOS) * TICK_NANOS;
    }

    /**
     * Moves a paused clock forward by {@code nanos}.
     *
     * @throws IllegalStateException if the clock is not paused
     */
    public synchronized void advance(long nanos) {
        if (!isPaused()) {
            throw new IllegalStateException("the clock is not paused; call TestClock.pause() first");
        }
        frozen = Math.addExact(frozen, nanos);
    }

    /** Moves a paused clock forward to {@code nanos} if that is later than its current value. */
    public synchronized void advanceTo(long nanos) {
        if (isPaused() && nanos - frozen > 0) {
            frozen = nanos;
        }
    }

    /**
     * Lets the clock run again from where it was frozen.
     *
     * @throws IllegalStateException if it is not paused
     */
    public synchronized void resume() {
        if (!isPaused()) {
            throw new IllegalStateException("the clock is not paused");
        }
        offset = frozen - System.nanoTime();
        frozen = RUNNING;
    }
}
