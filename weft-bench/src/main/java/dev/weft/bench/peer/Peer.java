package dev.weft.bench.peer;

import java.time.Duration;

/**
 * One of the task systems the benchmarks compare: a Weft runtime of some flavour, or the JDK's virtual
 * threads. Workloads are written once against this interface, so every peer runs the same code and
 * differs only in how a task is spawned, how one yields, how a thread outside the task system waits, and
 * how a task sleeps or arms a timer.
 *
 * <p>Each method is the idiomatic call of the peer it stands for; see the implementations.
 */
public interface Peer extends AutoCloseable {

    /** The peer's kind, which also names it in reports. */
    PeerKind kind();

    /**
     * Runs {@code root} as a task and blocks the calling thread (never a task) until it returns.
     * Exceptions thrown by {@code root} propagate.
     */
    void blockOn(Runnable root);

    /** Starts {@code body} as a new, detached task; called from inside a task. */
    void spawn(Runnable body);

    /**
     * Starts {@code body} as a new task, called from inside a task; the returned {@link Join} waits for it
     * to finish (from inside a task too) and rethrows what it threw.
     */
    Join spawnJoinable(Runnable body);

    /**
     * Starts {@code count} tasks running {@code body} from the calling thread, which is outside the task
     * system, then waits until every one of them has finished.
     */
    void spawnFromOutsideAndJoin(int count, Runnable body);

    /** Lets other runnable tasks run once; called from inside a task. */
    void yieldNow();

    /**
     * Sleeps for {@code duration} in the calling task. A sleep still pending when the peer closes ends
     * early: a Weft task is cancelled (its sleep throws {@link dev.weft.task.CancelledException}), a JDK
     * virtual thread is interrupted and returns from here with its interrupt status set.
     */
    void sleep(Duration duration);

    /**
     * Waits, under a timeout of {@code timeout}, for an operation that has already completed, as Tokio's
     * {@code timeout(duration, quick_job())} does; called from inside a task.
     */
    void awaitCompletedWithTimeout(Duration timeout);

    /**
     * Creates a sleep of {@code duration} that nobody waits for, and returns it for the caller to drop, as
     * Tokio's {@code drop(sleep(duration))}; called from inside a task.
     */
    Object createSleep(Duration duration);

    /** Releases the peer's threads. */
    @Override
    void close();

    /** The way to wait for a task that {@link #spawnJoinable(Runnable)} started. */
    @FunctionalInterface
    interface Join {

        /** Waits until the task has finished; throws if it failed. */
        void await();
    }
}
