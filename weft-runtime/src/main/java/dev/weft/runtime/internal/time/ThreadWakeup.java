package dev.weft.runtime.internal.time;

import java.util.concurrent.locks.LockSupport;

/**
 * A timer that unparks one thread (a task inside a timeout) and records that it fired.
 * {@link #hasFired()} is the condition the waiting thread loops on.
 */
public final class ThreadWakeup extends TimerEntry {

    private final Thread thread;
    private final Runnable onFire;
    private volatile boolean fired;

    /** A timer that runs {@code onFire} (quick, non-blocking), then unparks {@code thread}. */
    public ThreadWakeup(Thread thread, Runnable onFire) {
        this.thread = thread;
        this.onFire = onFire;
    }

    /** True once the deadline has passed and the timer fired. */
    public boolean hasFired() {
        return fired;
    }

    @Override
    protected void fire() {
        fired = true;
        onFire.run();
        LockSupport.unpark(thread);
    }
}
