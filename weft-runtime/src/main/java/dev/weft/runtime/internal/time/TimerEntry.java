package dev.weft.runtime.internal.time;

/**
 * One timer in a {@link TimerWheel}: a deadline in ticks and what to do when it passes. The links and
 * the slot position belong to the wheel and are guarded by whatever guards the wheel.
 */
public abstract class TimerEntry {

    long deadline;
    int level = -1;
    int slot;
    TimerEntry previous;
    TimerEntry next;

    /** The deadline, in ticks of the wheel that holds (or held) this entry. */
    public final long deadline() {
        return deadline;
    }

    /** True while the entry sits in a wheel. */
    public final boolean isScheduled() {
        return level >= 0;
    }

    /** Called once the deadline has passed, after the wheel let go of the entry; must not block. */
    protected abstract void fire();
}
