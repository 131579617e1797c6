package dev.weft.runtime.internal.poll;

import java.util.concurrent.locks.LockSupport;

/**
 * The waker of a thread that parks while its operation is pending: a Weft task (a virtual thread) or a
 * platform thread calling a {@code blocking...} method. Waking unparks the thread; an unpark before the
 * park is remembered by the thread's permit, so no wake-up is lost.
 */
public final class ThreadWaker implements Waker {

    private final Thread thread;

    public ThreadWaker(Thread thread) {
        this.thread = thread;
    }

    /** A waker for the calling thread. */
    public static ThreadWaker current() {
        return new ThreadWaker(Thread.currentThread());
    }

    @Override
    public void wake() {
        LockSupport.unpark(thread);
    }

    @Override
    public String toString() {
        return "ThreadWaker[" + thread.getName() + "]";
    }
}
