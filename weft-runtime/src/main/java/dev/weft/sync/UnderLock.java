package dev.weft.sync;

import dev.weft.runtime.internal.poll.WakeBatch;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/** Runs a critical section that collects wakers, and wakes them only once the lock is released. */
final class UnderLock {

    private UnderLock() {
    }

    /** Runs {@code action} under {@code lock}; wakes the wakers it collects once the lock is released. */
    static void thenWake(ReentrantLock lock, Consumer<WakeBatch> action) {
        WakeBatch woken = new WakeBatch();
        lock.lock();
        try {
            action.accept(woken);
        } finally {
            lock.unlock();
        }
        woken.wakeAll();
    }
}
