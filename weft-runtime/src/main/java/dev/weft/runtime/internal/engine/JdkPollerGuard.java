package dev.weft.runtime.internal.engine;

/*
 * Implementation notes.
 *
 * A virtual thread created without a scheduler takes its creator's scheduler when the creator is itself a
 * virtual thread (java.lang.VirtualThread's constructor). The JDK's own poller for blocking socket I/O on
 * virtual threads (sun.nio.ch.Poller) starts its sub-pollers as virtual threads in its class initializer
 * (jdk.pollerMode=2, the default on Linux from JDK 25), so if that class is first initialized inside a Weft
 * task, the JDK's sub-pollers run on that runtime's workers, and once the runtime is closed every blocking
 * socket read on a virtual thread in the JVM hangs. Initializing the class once on a platform thread,
 * before the first task runs, keeps the pollers on the JDK's default scheduler. Found by the mini-redis
 * client tests (a java.net.Socket read in a task hung after an earlier runtime was closed).
 */

/** Starts the JDK's virtual-thread I/O pollers on the JDK's own scheduler. See the implementation notes. */
final class JdkPollerGuard {

    private static final String POLLER_CLASS = "sun.nio.ch.Poller";
    private static volatile boolean started;

    private JdkPollerGuard() {
    }

    /** Makes sure the JDK's pollers were started on a platform thread; one volatile read after the first call. */
    static void ensureStarted() {
        if (started) {
            return;
        }
        synchronized (JdkPollerGuard.class) {
            if (!started) {
                initializeOnPlatformThread();
                started = true;
            }
        }
    }

    private static void initializeOnPlatformThread() {
        Thread initializer = Thread.ofPlatform().name("weft-jdk-poller-init").daemon().start(() -> {
            try {
                Class.forName(POLLER_CLASS, true, null);
            } catch (ClassNotFoundException | LinkageError absent) {
                // A JDK without this poller: nothing to keep off Weft's scheduler.
            }
        });
        boolean interrupted = false;
        while (true) {
            try {
                initializer.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
