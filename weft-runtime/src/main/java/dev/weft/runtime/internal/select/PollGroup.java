package dev.weft.runtime.internal.select;

import dev.weft.Async;
import dev.weft.runtime.internal.poll.Pollable;
import dev.weft.runtime.internal.poll.ThreadWaker;
import dev.weft.runtime.internal.task.TaskContext;
import dev.weft.runtime.internal.task.VirtualTask;

import java.util.List;

/*
 * Implementation notes.
 *
 * Several operations in flight in one task, polled with that task's one ThreadWaker: the engine of
 * Select and of Async.join, tryJoin and race (Tokio's select! and join! poll their futures in the
 * task that awaits them the same way). Operation i is started (InFlight.start) the first time it is
 * polled, so a select whose first branch is ready at once never starts the others. Between rounds of
 * polls the task parks; any operation's waker unparks it, and wake-ups are hints (a round may find
 * nothing).
 *
 * close() ends the group: every operation started and not completed is abandoned, which gives back
 * what a PollingAsync was handed and aborts a child task; then close() waits for those children to
 * finish, parking without cancellation checks, so the children have unwound (their finally blocks
 * ran) when close() returns, even when the task itself is being cancelled. A child that never reaches
 * an await point keeps close() waiting, as it would keep TaskScope.close() waiting.
 *
 * Confined to the thread of the task that made it.
 */

/** Operations awaited together by one task. See the implementation notes. */
public final class PollGroup implements AutoCloseable {

    private final List<? extends Async<?>> operations;
    private final Pollable<?>[] started;
    private final boolean[] completed;
    private final VirtualTask<?> task;
    private final ThreadWaker waker;

    /**
     * A group of {@code operations}, none started yet.
     *
     * @throws IllegalStateException if the caller is not a Weft task
     */
    public PollGroup(List<? extends Async<?>> operations) {
        this.task = TaskContext.requireTask("awaiting several operations");
        this.operations = operations;
        this.started = new Pollable<?>[operations.size()];
        this.completed = new boolean[operations.size()];
        this.waker = ThreadWaker.current();
    }

    public int size() {
        return started.length;
    }

    /** Polls operation {@code i}, starting it first if needed; true once it has completed. */
    public boolean poll(int i) {
        if (completed[i]) {
            return true;
        }
        Pollable<?> operation = started[i];
        if (operation == null) {
            operation = InFlight.start(operations.get(i));
            started[i] = operation;
        }
        completed[i] = operation.poll(waker);
        return completed[i];
    }

    /** The value of operation {@code i}, which has completed, or throws its failure. */
    public Object result(int i) {
        if (!completed[i]) {
            throw new IllegalStateException("operation " + i + " has not completed");
        }
        return started[i].result();
    }

    /** A start position in {@code [0, size)} drawn from the runtime's seeded choices, for fair polling. */
    public int randomStart() {
        return TaskContext.currentRuntime().nextChoice(started.length);
    }

    /** Parks the task until an operation's waker fires; throws if the task is cancelled. */
    public void park() {
        TaskContext.park(task, this);
    }

    /** Abandons the operations still pending and waits for their child tasks to unwind. */
    @Override
    public void close() {
        for (int i = 0; i < started.length; i++) {
            if (started[i] != null && !completed[i]) {
                started[i].abandon();
            }
        }
        for (int i = 0; i < started.length; i++) {
            if (started[i] != null && InFlight.isOwnedChild(started[i])) {
                InFlight.awaitChild(started[i]);
            }
        }
    }
}
