package dev.weft.runtime.tests;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** A blocking call that reports when it starts and then holds its pool thread until released. */
final class HeldCall<T> implements Callable<T> {

    private final CountDownLatch started = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);
    private final T result;

    /** A call that returns {@code result} once released. */
    HeldCall(T result) {
        this.result = result;
    }

    @Override
    public T call() throws InterruptedException {
        started.countDown();
        released.await();
        return result;
    }

    /** Waits until a pool thread runs the call. */
    void awaitStarted() {
        Latches.await(started, "the call to start");
    }

    /** Lets the call return. */
    void release() {
        released.countDown();
    }
}
