package dev.weft.runtime;

import java.util.List;

/**
 * A snapshot of a runtime's counters.
 *
 * @param workers         one entry per worker (one for the current-thread flavour; none when tasks run
 *                        on the JDK's default scheduler)
 * @param liveTasks       tasks spawned and not yet finished
 * @param blockingThreads threads in the blocking pool
 * @param pendingTimers   timers waiting in the runtime's timing wheel (sleeps, timeouts)
 */
public record RuntimeMetrics(List<WorkerStats> workers, int liveTasks, int blockingThreads, int pendingTimers) {

    /** Total task runs over all workers. */
    public long totalPolls() {
        return workers.stream().mapToLong(WorkerStats::polls).sum();
    }

    /** Total steals over all workers. */
    public long totalSteals() {
        return workers.stream().mapToLong(WorkerStats::steals).sum();
    }
}
