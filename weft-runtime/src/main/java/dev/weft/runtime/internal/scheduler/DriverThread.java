package dev.weft.runtime.internal.scheduler;

import dev.weft.runtime.internal.io.IoDriver;
import dev.weft.runtime.internal.time.TimeDriver;

/**
 * Drives a runtime's timers and I/O from a thread of its own. Used only when tasks run on the JDK's
 * default scheduler (no Weft worker parks on the drivers then); on Weft's schedulers the workers do it.
 * Tasks woken here are handed to the JDK's scheduler, one hop away, as the JDK's own poller does.
 */
public final class DriverThread implements AutoCloseable {

    private final TimeDriver timers;
    private final IoDriver io;
    private final Thread thread;
    private volatile boolean closed;

    /** Starts a daemon thread that fires the timers and polls I/O, and makes the drivers wake it. */
    public DriverThread(TimeDriver timers, IoDriver io, String name) {
        this.timers = timers;
        this.io = io;
        this.thread = new Thread(this::run, name);
        this.thread.setDaemon(true);
        timers.setWaker(this::wake);
        io.setOnActivate(this::wake);
        this.thread.start();
    }

    private void wake() {
        io.wakeOwner(thread);
    }

    private void run() {
        while (!closed) {
            timers.process();
            long next = timers.nextDeadlineNanos();
            io.park(next == TimeDriver.NONE ? Long.MAX_VALUE : next - timers.clock().nanoTime());
        }
    }

    @Override
    public void close() {
        closed = true;
        wake();
    }
}
