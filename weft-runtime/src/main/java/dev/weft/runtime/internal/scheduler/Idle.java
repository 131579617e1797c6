package dev.weft.runtime.internal.scheduler;

import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicInteger;

/*
 * Implementation notes.
 *
 * Tracks which workers are searching for work and which are parked, so that new work wakes exactly one
 * parked worker, and only when no worker is already searching (Tokio's multi_thread/idle.rs).
 *
 * `state` packs two counters:
 *
 *   31              16 15               0
 *   +-----------------+-----------------+
 *   |  num unparked   |  num searching  |
 *   +-----------------+-----------------+
 *
 * `sleepers` (the ids of parked workers) is guarded by the monitor of this object; `state` is updated
 * with atomic read-modify-writes. The invariant that rules out a lost wake-up: a worker that is the last
 * searcher to park re-checks every queue after publishing its transition (Scheduler.notifyIfWorkPending),
 * and a producer issues a full fence between publishing its task and reading `state`. Either the producer
 * sees no searcher and wakes a sleeper, or the last searcher sees the task.
 *
 * At most half of the workers search at once (transitionWorkerToSearching), which keeps a burst of
 * wake-ups from turning every worker into a stealer hammering the same queues.
 */

/** Which workers are searching and which are parked. See the implementation notes. */
final class Idle {

    private static final int UNPARKED_SHIFT = 16;
    private static final int SEARCHING_MASK = (1 << UNPARKED_SHIFT) - 1;
    private static final int ONE_UNPARKED = 1 << UNPARKED_SHIFT;

    private final AtomicInteger state;
    private final int workerCount;
    private final int[] sleepers;
    private int sleeperCount;

    Idle(int workerCount) {
        if (workerCount >= SEARCHING_MASK) {
            throw new IllegalArgumentException("workerThreads >= " + SEARCHING_MASK + ": " + workerCount);
        }
        this.workerCount = workerCount;
        this.state = new AtomicInteger(workerCount << UNPARKED_SHIFT);
        this.sleepers = new int[workerCount];
    }

    private static int searching(int state) {
        return state & SEARCHING_MASK;
    }

    private static int unparked(int state) {
        return state >>> UNPARKED_SHIFT;
    }

    /**
     * Returns the id of a parked worker that the caller must unpark, or -1 when none should be woken
     * (a worker is already searching, or none is parked). The chosen worker is counted as unparked and
     * searching. The caller must have published its work before calling.
     */
    int workerToNotify() {
        VarHandle.fullFence();
        if (!shouldWakeUp()) {
            return -1;
        }
        synchronized (this) {
            if (!shouldWakeUp() || sleeperCount == 0) {
                return -1;
            }
            state.addAndGet(ONE_UNPARKED | 1);
            return sleepers[--sleeperCount];
        }
    }

    private boolean shouldWakeUp() {
        int s = state.get();
        return searching(s) == 0 && unparked(s) < workerCount;
    }

    /** Records that {@code worker} parks; returns true if it was the last searching worker. */
    boolean transitionWorkerToParked(int worker, boolean wasSearching) {
        synchronized (this) {
            int delta = ONE_UNPARKED | (wasSearching ? 1 : 0);
            int previous = state.getAndAdd(-delta);
            sleepers[sleeperCount++] = worker;
            return wasSearching && searching(previous) == 1;
        }
    }

    /** Tries to count the caller as searching; false when half of the workers already search. */
    boolean transitionWorkerToSearching() {
        int s = state.get();
        if (2 * searching(s) >= workerCount) {
            return false;
        }
        state.incrementAndGet();
        return true;
    }

    /** The caller found work and stops searching; returns true if it was the last searcher. */
    boolean transitionWorkerFromSearching() {
        int previous = state.getAndDecrement();
        return searching(previous) == 1;
    }

    /** True while {@code worker} is in the sleepers list (parked and not yet notified). */
    synchronized boolean isParked(int worker) {
        for (int i = 0; i < sleeperCount; i++) {
            if (sleepers[i] == worker) {
                return true;
            }
        }
        return false;
    }

    /**
     * Removes {@code worker} from the sleepers after it woke by itself; returns true if it was there
     * (then it is counted as unparked, not searching).
     */
    synchronized boolean unparkWorkerById(int worker) {
        for (int i = 0; i < sleeperCount; i++) {
            if (sleepers[i] == worker) {
                sleepers[i] = sleepers[--sleeperCount];
                state.addAndGet(ONE_UNPARKED);
                return true;
            }
        }
        return false;
    }

    /** Number of workers currently searching, for metrics. */
    int searchingCount() {
        return searching(state.get());
    }
}
