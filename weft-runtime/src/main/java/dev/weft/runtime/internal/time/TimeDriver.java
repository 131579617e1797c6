package dev.weft.runtime.internal.time;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/*
 * Implementation notes.
 *
 * A runtime's timers: a TimerWheel behind a lock, on the runtime's clock. A tick is a millisecond
 * since the driver was created. Deadlines are rounded up to the next tick (a sleep never ends early);
 * the current tick is rounded down.
 *
 * Who fires the timers: the scheduler. A worker with nothing to run calls process() and then parks at
 * most until nextDeadlineNanos(); workers also call process() every so many ticks while busy, so timers
 * fire when no worker ever idles. When a registration makes the earliest deadline earlier, the driver
 * calls the scheduler's waker, which unparks whichever thread is parked on the old deadline. Entries
 * are fired after the lock is released, in deadline order.
 *
 * `earliest` mirrors the wheel's next deadline (in nanos) for lock-free checks; it is written under the
 * lock. It may be earlier than the wheel's real next deadline (cancel leaves it), never later: stale
 * early costs a wake-up that finds nothing; stale late would lose a timer.
 */

/** A runtime's timer driver. See the implementation notes. */
public final class TimeDriver {

    /** What {@link #nextDeadlineNanos()} returns when no timer is pending. */
    public static final long NONE = Long.MAX_VALUE;

    private final RuntimeClock clock;
    private final long origin;
    private final TimerWheel wheel = new TimerWheel();
    private final ReentrantLock lock = new ReentrantLock();
    private volatile long earliest = NONE;
    private volatile Runnable waker = () -> { };

    /** Creates a driver on {@code clock}; its ticks count from the clock's origin. */
    public TimeDriver(RuntimeClock clock) {
        this.clock = clock;
        this.origin = clock.origin();
    }

    public RuntimeClock clock() {
        return clock;
    }

    /** Sets what to call when a new timer is due earlier than every other one. */
    public void setWaker(Runnable waker) {
        this.waker = waker;
    }

    /**
     * Schedules {@code entry} to fire at {@code deadlineNanos} (on the clock). Returns false when the
     * deadline has already passed; the entry is then not scheduled and the caller treats it as fired.
     */
    public boolean register(TimerEntry entry, long deadlineNanos) {
        if (deadlineNanos - clock.nanoTime() <= 0) {
            return false;
        }
        long tick = deadlineTick(deadlineNanos);
        boolean earlier;
        lock.lock();
        try {
            if (!wheel.insert(entry, tick)) {
                return false;
            }
            long deadline = tickToNanos(entry.deadline());
            earlier = deadline < earliest;
            if (earlier) {
                earliest = deadline;
            }
        } finally {
            lock.unlock();
        }
        if (earlier) {
            waker.run();
        }
        return true;
    }

    /**
     * Unschedules {@code entry}; nothing happens if it already fired or was never scheduled. The earliest
     * deadline is left as it was (as Tokio does): raising it here would make the next registration look
     * earlier and wake the parked timer owner for nothing, which a timeout around a quick operation
     * did on every call. The owner wakes at the stale deadline at worst, finds nothing and parks again.
     */
    public void cancel(TimerEntry entry) {
        lock.lock();
        try {
            wheel.remove(entry);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Fires every timer due by now; returns how many fired. Called by carrier threads (workers, the
     * current-thread driver), which must never queue on a lock behind a task (see SpinLock): when a
     * task holds the lock this returns 0 at once, and the caller's next call fires what is due.
     */
    public int process() {
        if (clock.nanoTime() < earliest) {
            return 0;
        }
        List<TimerEntry> due = new ArrayList<>();
        if (!lock.tryLock()) {
            return 0;
        }
        try {
            wheel.advance(currentTick(), due::add);
            refreshEarliest();
        } finally {
            lock.unlock();
        }
        for (TimerEntry entry : due) {
            entry.fire();
        }
        return due.size();
    }

    /**
     * The clock time (nanos) at which the wheel next needs attention, or {@link #NONE}. For a timer more
     * than 64 ms away this may be earlier than the timer itself: the wheel cascades it on the way.
     */
    public long nextDeadlineNanos() {
        return earliest;
    }

    /** Timers pending. */
    public int pending() {
        lock.lock();
        try {
            return wheel.size();
        } finally {
            lock.unlock();
        }
    }

    private void refreshEarliest() {
        long next = wheel.nextDeadline();
        earliest = next == Long.MAX_VALUE ? NONE : tickToNanos(next);
    }

    private long currentTick() {
        return Math.floorDiv(clock.nanoTime() - origin, RuntimeClock.TICK_NANOS);
    }

    private long deadlineTick(long deadlineNanos) {
        long sinceOrigin = deadlineNanos - origin;
        if (sinceOrigin <= 0) {
            return 0;
        }
        return (sinceOrigin + RuntimeClock.TICK_NANOS - 1) / RuntimeClock.TICK_NANOS;
    }

    private long tickToNanos(long tick) {
        return origin + tick * RuntimeClock.TICK_NANOS;
    }
}
