package dev.weft.bench.peer;

/**
 * One of the task systems the benchmarks compare: a Weft runtime of some flavour, or the JDK's virtual
 * threads. Workloads are written once against this interface, so every peer runs the same code and
 * differs only in how a task is spawned, how one yields, and how a thread outside the task system waits.
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
     * Starts {@code count} tasks running {@code body} from the calling thread, which is outside the task
     * system, then waits until every one of them has finished.
     */
    void spawnFromOutsideAndJoin(int count, Runnable body);

    /** Lets other runnable tasks run once; called from inside a task. */
    void yieldNow();

    /** Releases the peer's threads. */
    @Override
    void close();
}
