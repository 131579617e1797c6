package dev.weft.runtime.internal.time;

import java.util.concurrent.locks.LockSupport;

/**
 * Fires a driver's timers from a thread of its own. Used only when tasks run on the JDK's default
 * scheduler (no Weft worker parks on the driver then); on Weft's schedulers the workers fire timers.
 */
public final class TimerThread implements AutoCloseable {

    private final TimeDriver driver;
    private final Thread thread;
    private volatile boolean closed;

    /** Starts a daemon thread that fires {@code driver}'s timers, and makes the driver wake it. */
    public TimerThread(TimeDriver driver, String name) {
        this.driver = driver;
        this.thread = new Thread(this::run, name);
        this.thread.setDaemon(true);
        driver.setWaker(() -> LockSupport.unpark(thread));
        this.thread.start();
    }

    private void run() {
        while (!closed) {
            driver.process();
            long next = driver.nextDeadlineNanos();
            if (next == TimeDriver.NONE) {
                LockSupport.park(this);
            } else {
                LockSupport.parkNanos(this, next - driver.clock().nanoTime());
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(thread);
    }
}
