package dev.weft.runtime.internal.engine;

/**
 * The seam between Weft and the JDK's virtual threads: creates the thread that carries one task.
 *
 * <p>Two implementations exist. {@link WeftScheduledThreads} makes virtual threads whose scheduler is
 * Weft's; {@link DefaultScheduledThreads} makes ordinary virtual threads on the JDK's default scheduler,
 * used when {@code java.lang} is not opened to Weft. A future public JDK API for custom virtual-thread
 * schedulers replaces {@link JdkVirtualThreadAccess} and nothing else.
 */
public interface TaskThreadFactory {

    /** Returns a new, unstarted virtual thread that runs {@code body}. */
    Thread newTaskThread(Runnable body);

    /** True when tasks run on Weft's own scheduler, false on the JDK's default one. */
    boolean ownsScheduling();
}
