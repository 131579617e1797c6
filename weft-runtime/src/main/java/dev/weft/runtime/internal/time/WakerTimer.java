package dev.weft.runtime.internal.time;

import dev.weft.runtime.internal.poll.Waker;

/*
 * Implementation notes.
 *
 * The timer of a pollable wait (Time.sleep, Interval.tick): it records that it fired and wakes the
 * latest waker its poller gave it. A poll stores its waker, then reads `fired`; fire() writes `fired`,
 * then reads the waker. Both fields are volatile, so of a poll and a firing that race, at least one
 * sees the other: either the poll sees `fired` and completes, or the firing wakes the new waker.
 */

/** A timer that wakes a {@link Waker}. See the implementation notes. */
public final class WakerTimer extends TimerEntry {

    private volatile Waker waker;
    private volatile boolean fired;

    /** A timer that wakes {@code waker} when it fires. */
    public WakerTimer(Waker waker) {
        this.waker = waker;
    }

    /** Makes the timer wake {@code latest} instead of the waker it had. */
    public void setWaker(Waker latest) {
        this.waker = latest;
    }

    /** True once the deadline has passed and the timer fired. */
    public boolean hasFired() {
        return fired;
    }

    @Override
    protected void fire() {
        fired = true;
        waker.wake();
    }
}
