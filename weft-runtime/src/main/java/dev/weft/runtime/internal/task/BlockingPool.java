package dev.weft.runtime.internal.task;

import dev.weft.runtime.internal.scheduler.SchedulerHooks;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/*
 * Implementation notes.
 *
 * The pool of platform threads behind spawnBlocking (Tokio's blocking pool). Threads are created on
 * demand up to `maxThreads`; an idle thread exits after `keepAliveNanos`. When every thread is busy and
 * the maximum is reached, tasks wait in an unbounded FIFO queue.
 *
 * All state is guarded by this object's monitor. `pendingWakeups` counts idle threads already notified
 * for a queued task but not yet awake, so a burst of submissions spawns threads instead of piling onto
 * one idle thread (Tokio's num_notify).
 *
 * shutdown() refuses new tasks, cancels the queued ones and lets running ones finish; the threads are
 * daemons, so a blocking call that never returns cannot keep the JVM alive.
 */

/** The runtime's pool of threads for blocking calls. See the implementation notes. */
final class BlockingPool {

    private final RuntimeCore runtime;
    private final int maxThreads;
    private final long keepAliveNanos;
    private final String namePrefix;
    private final SchedulerHooks hooks;

    private final ArrayDeque<BlockingTask<?>> queue = new ArrayDeque<>();
    private final List<Thread> threads = new ArrayList<>();
    private int idleThreads;
    private int runningTasks;
    private int pendingWakeups;
    private int threadCounter;
    private boolean shutdown;

    BlockingPool(RuntimeCore runtime, int maxThreads, long keepAliveNanos, String namePrefix, SchedulerHooks hooks) {
        this.runtime = runtime;
        this.maxThreads = maxThreads;
        this.keepAliveNanos = keepAliveNanos;
        this.namePrefix = namePrefix;
        this.hooks = hooks;
    }

    /** Queues a task; false when the pool is shut down. */
    synchronized boolean submit(BlockingTask<?> task) {
        if (shutdown) {
            return false;
        }
        queue.addLast(task);
        if (idleThreads > pendingWakeups) {
            pendingWakeups++;
            notify();
        } else if (threads.size() < maxThreads) {
            Thread thread = new Thread(this::work, namePrefix + threadCounter++);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        return true;
    }

    private void work() {
        TaskContext.enterBlockingThread(runtime);
        hooks.onStart();
        try {
            BlockingTask<?> task;
            while ((task = take()) != null) {
                try {
                    task.run();
                } finally {
                    finished();
                }
            }
        } finally {
            hooks.onStop();
        }
    }

    private synchronized BlockingTask<?> take() {
        long deadline = System.nanoTime() + keepAliveNanos;
        while (true) {
            BlockingTask<?> task = queue.pollFirst();
            if (task != null) {
                runningTasks++;
                return task;
            }
            long remaining = deadline - System.nanoTime();
            if (shutdown || remaining <= 0) {
                threads.remove(Thread.currentThread());
                notifyAll();
                return null;
            }
            idleThreads++;
            try {
                TimeUnit.NANOSECONDS.timedWait(this, remaining);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                idleThreads--;
                if (pendingWakeups > 0) {
                    pendingWakeups--;
                }
            }
        }
    }

    /** Refuses new tasks and cancels the queued ones; running ones finish on their own. */
    void shutdown() {
        List<BlockingTask<?>> cancelled;
        synchronized (this) {
            shutdown = true;
            cancelled = new ArrayList<>(queue);
            queue.clear();
            notifyAll();
        }
        for (BlockingTask<?> task : cancelled) {
            task.requestCancel();
        }
    }

    private synchronized void finished() {
        runningTasks--;
    }

    /** True when no task is queued or running (a paused clock may then auto-advance). */
    synchronized boolean isIdle() {
        return runningTasks == 0 && queue.isEmpty();
    }

    /** Threads currently in the pool, busy or idle. */
    synchronized int threadCount() {
        return threads.size();
    }
}
