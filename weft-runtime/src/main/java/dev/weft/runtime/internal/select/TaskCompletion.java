package dev.weft.runtime.internal.select;

import dev.weft.runtime.internal.poll.Pollable;
import dev.weft.runtime.internal.poll.ThreadWaker;
import dev.weft.runtime.internal.poll.Waker;
import dev.weft.runtime.internal.task.TaskCore;

import java.util.concurrent.locks.LockSupport;

/*
 * Implementation notes.
 *
 * The completion of a task as a Pollable: how a select waits for an operation that cannot be polled in
 * place (it runs as a child task) and for a JoinHandle. poll registers the waker with
 * TaskCore.wakeOnCompletion, once per distinct waker; a completion that races with the registration is
 * caught because wakeOnCompletion returns null once the task has completed (its stack is closed).
 *
 * An owned task is a child started for this operation alone: abandoning the operation aborts it, and
 * its owner waits for it with awaitFinished() before going on, so that a lost branch has unwound
 * before the select returns. A task that is not owned (a JoinHandle the user passed in) is only no
 * longer waited for: awaiting a handle never cancels its task. Owned by the polling thread.
 */

/** A task's completion, polled. See the implementation notes. */
final class TaskCompletion<T> implements Pollable<T> {

    private final TaskCore<T> task;
    private final boolean owned;
    private TaskCore.Registration registration;
    private Waker registeredWaker;

    TaskCompletion(TaskCore<T> task, boolean owned) {
        this.task = task;
        this.owned = owned;
    }

    /** True when the task is a child started for this operation and must not outlive it. */
    boolean isOwnedChild() {
        return owned;
    }

    @Override
    public boolean poll(Waker waker) {
        if (task.isDone()) {
            withdraw();
            return true;
        }
        if (waker != registeredWaker) {
            withdraw();
            registration = task.wakeOnCompletion(waker);
            if (registration == null) {
                return true;
            }
            registeredWaker = waker;
        }
        return false;
    }

    @Override
    public T result() {
        return task.resultOrThrow();
    }

    @Override
    public void abandon() {
        withdraw();
        if (owned) {
            task.requestCancel();
        }
    }

    /**
     * Waits until the task has finished, parking without cancellation checks (as {@code TaskScope.close}
     * does), and takes responsibility for its outcome, which nobody will read.
     */
    void awaitFinished() {
        if (!task.isDone() && task.wakeOnCompletion(ThreadWaker.current()) != null) {
            while (!task.isDone()) {
                LockSupport.park(this);
            }
        }
        task.markObserved();
    }

    private void withdraw() {
        if (registration != null) {
            registration.cancel();
            registration = null;
            registeredWaker = null;
        }
    }
}
