package dev.weft.runtime.internal.task;

import dev.weft.Async;
import dev.weft.runtime.internal.poll.ThreadWaker;
import dev.weft.task.TaskState;

import java.util.concurrent.locks.LockSupport;

/**
 * A task that runs an {@link Async} on its own virtual thread. Cancellation sets a flag and unparks the
 * thread; the task's next await point throws. A task cancelled before it starts never runs its body.
 */
public final class VirtualTask<T> extends TaskCore<T> implements Runnable {

    private Async<T> operation;
    private volatile Thread thread;
    private int ownBudget;
    private ThreadWaker waker;
    /** The innermost open cancel scope; owned by the task's thread. */
    CancelScope scope;

    VirtualTask(RuntimeCore runtime, long id, String name, Async<T> operation) {
        super(runtime, id, name);
        this.operation = operation;
        this.ownBudget = runtime.config.budget();
    }

    /**
     * The budget of a task on the JDK's default scheduler, where Weft has no worker to keep it: spent by
     * the task's own thread only, refilled when used up.
     */
    boolean spendOwnBudget() {
        if (--ownBudget > 0) {
            return false;
        }
        ownBudget = runtime.config.budget();
        return true;
    }

    void startOn(Thread carrierOfTask) {
        this.thread = carrierOfTask;
        carrierOfTask.start();
    }

    @Override
    public void run() {
        Async<T> body = operation;
        operation = null;
        TaskContext.enter(this);
        try {
            if (cancelRequested) {
                complete(CANCELLED);
                return;
            }
            completeWithValue(AsyncEvaluation.awaitUnwrapped(this, body));
        } catch (Throwable failure) {
            completeExceptionally(failure);
        }
    }

    @Override
    public void requestCancel() {
        if (isDone() || cancelRequested) {
            return;
        }
        cancelRequested = true;
        Thread target = thread;
        if (target != null) {
            LockSupport.unpark(target);
        }
    }

    /**
     * The waker of this task's thread, made once: every pollable await of the task uses it. Call it on
     * the task's own thread.
     */
    public ThreadWaker waker() {
        ThreadWaker own = waker;
        if (own == null) {
            own = new ThreadWaker(Thread.currentThread());
            waker = own;
        }
        return own;
    }

    /** Opens a cancel scope inside the current innermost one; close it with {@link #closeScope}. */
    public CancelScope openScope() {
        scope = new CancelScope(scope);
        return scope;
    }

    /** Closes {@code closing}, which must be the innermost open scope. */
    public void closeScope(CancelScope closing) {
        if (scope != closing) {
            throw new IllegalStateException("cancel scopes closed out of order");
        }
        scope = closing.parent;
    }

    @Override
    TaskState liveState() {
        Thread target = thread;
        if (target == null) {
            return TaskState.RUNNABLE;
        }
        return switch (target.getState()) {
            case WAITING, TIMED_WAITING, BLOCKED -> TaskState.WAITING;
            default -> TaskState.RUNNABLE;
        };
    }

    @Override
    boolean isBlocking() {
        return false;
    }
}
