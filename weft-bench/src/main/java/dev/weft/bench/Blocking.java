package dev.weft.bench;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.Condition;

/** The JDK's blocking calls for the workloads' JDK bodies, with interruption turned into a failure. */
public final class Blocking {

    private Blocking() {
    }

    /** {@link BlockingQueue#put}. */
    public static <T> void put(BlockingQueue<T> queue, T item) {
        try {
            queue.put(item);
        } catch (InterruptedException e) {
            throw interrupted(e);
        }
    }

    /** {@link BlockingQueue#take}. */
    public static <T> T take(BlockingQueue<T> queue) {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            throw interrupted(e);
        }
    }

    /** {@link CountDownLatch#await()}. */
    public static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw interrupted(e);
        }
    }

    /** {@link Condition#await()}, with the condition's lock held. */
    public static void await(Condition condition) {
        try {
            condition.await();
        } catch (InterruptedException e) {
            throw interrupted(e);
        }
    }

    /** {@link Semaphore#acquire()}. */
    public static void acquire(Semaphore semaphore) {
        try {
            semaphore.acquire();
        } catch (InterruptedException e) {
            throw interrupted(e);
        }
    }

    private static IllegalStateException interrupted(InterruptedException e) {
        Thread.currentThread().interrupt();
        return new IllegalStateException("a benchmark thread was interrupted", e);
    }
}
