package dev.weft.runtime.internal.engine;

import java.util.concurrent.Executor;
import java.util.concurrent.ThreadFactory;

/** Virtual threads whose continuations are scheduled by a Weft scheduler. */
public final class WeftScheduledThreads implements TaskThreadFactory {

    private final ThreadFactory factory;

    /** Creates a factory whose threads run on {@code scheduler}. */
    public WeftScheduledThreads(Executor scheduler) {
        this.factory = JdkVirtualThreadAccess.builderFor(scheduler).factory();
    }

    @Override
    public Thread newTaskThread(Runnable body) {
        return factory.newThread(body);
    }

    @Override
    public boolean ownsScheduling() {
        return true;
    }
}
