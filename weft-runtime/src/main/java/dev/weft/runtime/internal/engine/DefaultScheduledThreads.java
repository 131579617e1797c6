package dev.weft.runtime.internal.engine;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The fallback engine: plain virtual threads on the JDK's default scheduler, used when
 * {@link JdkVirtualThreadAccess#isAvailable()} is false. Says so once per JVM through {@link System.Logger}.
 */
public final class DefaultScheduledThreads implements TaskThreadFactory {

    private static final AtomicBoolean WARNED = new AtomicBoolean();

    private final ThreadFactory factory = Thread.ofVirtual().factory();

    /** Creates the fallback factory and logs the one-line warning if it has not been logged yet. */
    public DefaultScheduledThreads() {
        if (WARNED.compareAndSet(false, true)) {
            System.getLogger("dev.weft.runtime").log(System.Logger.Level.WARNING,
                    "Weft: " + JdkVirtualThreadAccess.unavailableReason()
                            + "; tasks run on the JDK's default virtual-thread scheduler. Start the JVM with "
                            + JdkVirtualThreadAccess.OPEN_OPTION
                            + " (or =dev.weft.runtime on the module path) to run them on Weft's scheduler.");
        }
    }

    @Override
    public Thread newTaskThread(Runnable body) {
        return factory.newThread(body);
    }

    @Override
    public boolean ownsScheduling() {
        return false;
    }
}
