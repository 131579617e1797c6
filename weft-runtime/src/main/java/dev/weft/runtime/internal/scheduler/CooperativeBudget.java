package dev.weft.runtime.internal.scheduler;

/**
 * The cooperative budget of the thread that runs tasks (a worker, or the current-thread driver):
 * refilled each time it starts running a task, spent at each await point; when it runs out the task is
 * made to yield (Tokio's coop budget). Plain fields: only the owning thread touches it.
 */
final class CooperativeBudget {

    private final int initial;
    private int remaining;

    CooperativeBudget(int initial) {
        this.initial = initial;
        this.remaining = initial;
    }

    void refill() {
        remaining = initial;
    }

    /** Spends one unit; true when the budget is used up (it is then refilled). */
    boolean spend() {
        if (--remaining > 0) {
            return false;
        }
        remaining = initial;
        return true;
    }
}
