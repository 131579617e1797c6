package dev.weft.runtime.internal.scheduler;

import dev.weft.runtime.WorkerStats;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/*
 * Implementation notes.
 *
 * Counters of one worker. The owning worker is the only writer; it writes with opaque stores (no
 * fences, but never torn and eventually visible), and any thread may read a racy snapshot. This keeps
 * them cheap enough to leave on.
 *
 * The counters are written on every task run, so the object is padded (a 128-byte superclass in front,
 * 128 bytes of unused fields behind) to keep them off the cache lines of other workers' objects.
 *
 * `polls` doubles as the progress signal for detecting a worker stuck inside one task (the seam for
 * blocking compensation): a monitor samples (polls, running) at intervals; if the same run is still in
 * progress with the same poll count, the worker has been inside one task at least since the first sample.
 * runningSince() does that bookkeeping for the caller.
 */

/** Per-worker counters; see the implementation notes. */
public final class WorkerMetrics extends CacheLinePadding {

    private static final VarHandle POLLS;
    private static final VarHandle RUNNING;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            POLLS = lookup.findVarHandle(WorkerMetrics.class, "polls", long.class);
            RUNNING = lookup.findVarHandle(WorkerMetrics.class, "running", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final int index;
    private long polls;
    private boolean running;
    private long steals;
    private long stolenTasks;
    private long parks;
    private long lifoPolls;
    private long overflows;

    private long sampledPolls = -1;
    private long sampledAtNanos;
    @SuppressWarnings("unused")
    private long q01, q02, q03, q04, q05, q06, q07, q08, q09, q10, q11, q12, q13, q14, q15, q16;

    WorkerMetrics(int index) {
        this.index = index;
    }

    void beginPoll() {
        POLLS.setOpaque(this, (long) POLLS.getOpaque(this) + 1);
        RUNNING.setOpaque(this, true);
    }

    void endPoll() {
        RUNNING.setOpaque(this, false);
    }

    void recordSteal(int tasks) {
        steals++;
        stolenTasks += tasks;
    }

    void recordPark() {
        parks++;
    }

    void recordLifoPoll() {
        lifoPolls++;
    }

    void recordOverflow() {
        overflows++;
    }

    /**
     * Samples the worker and returns how long it has been running the same task, as far as this and
     * earlier samples can tell, or 0 when it is idle or has made progress since the previous sample.
     * Meant for one monitoring thread.
     */
    public synchronized long nanosInCurrentTask(long nowNanos) {
        long currentPolls = (long) POLLS.getOpaque(this);
        boolean busy = (boolean) RUNNING.getOpaque(this);
        if (!busy) {
            sampledPolls = -1;
            return 0;
        }
        if (currentPolls != sampledPolls) {
            sampledPolls = currentPolls;
            sampledAtNanos = nowNanos;
            return 0;
        }
        return nowNanos - sampledAtNanos;
    }

    /** A racy snapshot of the counters. */
    public WorkerStats snapshot() {
        return new WorkerStats(index, (long) POLLS.getOpaque(this), steals, stolenTasks, parks, lifoPolls, overflows);
    }
}
