package dev.weft.bench.channel;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;

/** The JDK's blocking calls for the workloads' JDK bodies, with interruption turned into a failure. */
final class Blocking {

    private Blocking() {
    }

    static <T> void put(BlockingQueue<T> queue, T item) {
        try {
            queue.put(item);
        } catch (InterruptedException e) {
            throw interrupted(e);
        }
    }

    static <T> T take(BlockingQueue<T> queue) {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            throw interrupted(e);
        }
    }

    static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw interrupted(e);
        }
    }

    private static IllegalStateException interrupted(InterruptedException e) {
        Thread.currentThread().interrupt();
        return new IllegalStateException("a benchmark thread was interrupted", e);
    }
}
