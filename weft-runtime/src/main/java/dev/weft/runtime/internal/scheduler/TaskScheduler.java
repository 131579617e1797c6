package dev.weft.runtime.internal.scheduler;

import dev.weft.runtime.WorkerStats;

import java.util.List;
import java.util.concurrent.Executor;

/**
 * What the runtime needs of a scheduler. {@link #execute(Runnable)} receives a virtual thread's
 * continuation each time that thread becomes runnable (start, unpark, yield); the JDK calls it on the
 * thread that made it runnable.
 */
public interface TaskScheduler extends Executor {

    /** Starts the scheduler's threads, if it has any. */
    void start();

    /**
     * Stops the scheduler's threads after the runnables they are running return. Runnables submitted
     * afterwards are dropped. Idempotent.
     */
    void stop();

    /** Waits up to {@code nanos} for the threads to exit; true when they all have. */
    boolean awaitStopped(long nanos) throws InterruptedException;

    /**
     * Spends one unit of the cooperative budget of the task running on the calling thread; returns true
     * when the budget is used up (and refills it), meaning the task should yield. The budget lives with
     * the worker, not the task, and is refilled each time the worker starts running a task (Tokio's
     * per-poll budget), so an await point writes nothing shared with other workers.
     */
    boolean spendBudget();

    /**
     * Called by a task (a virtual thread): arranges for {@code action} to run on the task's carrier, a
     * platform thread, right after the task next unmounts (parks, yields or ends); returns false when the
     * calling task is not running on a carrier of this scheduler. For calls that must not be made from a
     * virtual thread (see IoDriver).
     */
    default boolean deferToCarrier(Runnable action) {
        return false;
    }

    /** The number of worker threads; 1 for the current-thread flavour. */
    int workerCount();

    /** A snapshot of the per-worker counters. */
    List<WorkerStats> metrics();
}
