package dev.weft.runtime.internal.task;

import dev.weft.task.TaskInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/*
 * Implementation notes.
 *
 * The runtime's registry of live tasks, for shutdown (cancel everything, wait for it to unwind) and
 * for observability (task dumps). Sharded like Tokio's OwnedTasks: a task lives in shard
 * (id & mask), an intrusive doubly linked list guarded by the shard's monitor, so registering costs one
 * uncontended lock and no allocation. Shards are padded to two cache lines so that a worker removing a
 * finished task does not slow down another worker registering a new one in a neighbouring shard.
 *
 * close() marks every shard closed under its lock; a task registering afterwards is refused (its handle
 * completes cancelled without running). So after close() returns, the set of tasks can only shrink, and
 * cancelAll() reaches every task that will ever run. The thread waiting in awaitEmpty() is unparked by
 * remove() whenever a shard becomes empty after close.
 */

/** The runtime's sharded registry of live tasks. See the implementation notes. */
final class TaskRegistry {

    private final Shard[] shards;
    private final int mask;
    private volatile boolean closed;
    private volatile Thread drainWaiter;

    TaskRegistry(int parallelism) {
        int count = Integer.highestOneBit(Math.max(4, parallelism * 4) * 2 - 1);
        shards = new Shard[count];
        for (int i = 0; i < count; i++) {
            shards[i] = new Shard();
        }
        mask = count - 1;
    }

    /** Adds a task; false when the registry is closed. */
    boolean register(TaskCore<?> task) {
        Shard shard = shards[(int) task.id & mask];
        synchronized (shard) {
            if (shard.closed) {
                return false;
            }
            TaskCore<?> head = shard.head;
            task.next = head;
            if (head != null) {
                head.prev = task;
            }
            shard.head = task;
            shard.size++;
            return true;
        }
    }

    void remove(TaskCore<?> task) {
        Shard shard = shards[(int) task.id & mask];
        boolean nowEmpty;
        synchronized (shard) {
            TaskCore<?> before = task.prev;
            TaskCore<?> after = task.next;
            if (before == null && shard.head != task) {
                return; // never registered (refused at close)
            }
            if (before != null) {
                before.next = after;
            } else {
                shard.head = after;
            }
            if (after != null) {
                after.prev = before;
            }
            task.prev = null;
            task.next = null;
            nowEmpty = --shard.size == 0;
        }
        Thread waiter = drainWaiter;
        if (nowEmpty && closed && waiter != null) {
            LockSupport.unpark(waiter);
        }
    }

    /** Refuses new tasks from now on. */
    void close() {
        closed = true;
        for (Shard shard : shards) {
            synchronized (shard) {
                shard.closed = true;
            }
        }
    }

    /** Requests cancellation of every live task. */
    void cancelAll() {
        for (TaskCore<?> task : snapshotTasks()) {
            task.requestCancel();
        }
    }

    /**
     * Makes {@code waiter} unparked each time a shard becomes empty after close, so it can re-check
     * {@link #size()}; null stops that.
     */
    void setDrainWaiter(Thread waiter) {
        drainWaiter = waiter;
    }

    /** Waits until no task is live or the deadline passes; true when empty. */
    boolean awaitEmpty(long deadlineNanos) {
        setDrainWaiter(Thread.currentThread());
        try {
            while (size() > 0) {
                long remaining = deadlineNanos - System.nanoTime();
                if (remaining <= 0) {
                    return false;
                }
                LockSupport.parkNanos(this, Math.min(remaining, 10_000_000L));
            }
            return true;
        } finally {
            setDrainWaiter(null);
        }
    }

    int size() {
        int total = 0;
        for (Shard shard : shards) {
            synchronized (shard) {
                total += shard.size;
            }
        }
        return total;
    }

    List<TaskInfo> snapshot() {
        List<TaskInfo> infos = new ArrayList<>();
        for (TaskCore<?> task : snapshotTasks()) {
            infos.add(task.info());
        }
        return infos;
    }

    private List<TaskCore<?>> snapshotTasks() {
        List<TaskCore<?>> tasks = new ArrayList<>();
        for (Shard shard : shards) {
            synchronized (shard) {
                for (TaskCore<?> task = shard.head; task != null; task = task.next) {
                    tasks.add(task);
                }
            }
        }
        return tasks;
    }

    /** Padding before a shard's fields, so two shards never share a cache line. */
    @SuppressWarnings("unused")
    private static class ShardPadding {
        long p01, p02, p03, p04, p05, p06, p07, p08, p09, p10, p11, p12, p13, p14, p15, p16;
    }

    private static final class Shard extends ShardPadding {
        TaskCore<?> head;
        int size;
        boolean closed;
    }
}
