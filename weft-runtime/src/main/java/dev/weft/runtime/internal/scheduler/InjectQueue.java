package dev.weft.runtime.internal.scheduler;

import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The global queue of a multi-thread scheduler: tasks woken or spawned from outside the workers, and
 * the overflow of full local queues. Lock-free; any thread may push or poll.
 */
final class InjectQueue {

    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();

    void push(Runnable task) {
        tasks.offer(task);
    }

    void pushBatch(Runnable[] batch) {
        for (Runnable task : batch) {
            tasks.offer(task);
        }
    }

    Runnable poll() {
        return tasks.poll();
    }

    boolean isEmpty() {
        return tasks.isEmpty();
    }

    /** A snapshot of the length; linear in the queue's size, for metrics only. */
    int size() {
        return tasks.size();
    }
}
