package dev.weft.task;

import dev.weft.Async;
import dev.weft.Weft;
import dev.weft.runtime.internal.task.TaskContext;
import dev.weft.runtime.internal.task.TaskCore;
import dev.weft.runtime.internal.task.Tasks;
import dev.weft.runtime.internal.task.VirtualTask;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Structured concurrency: child tasks that cannot outlive the block that forked them.
 *
 * <p>The task that opens a scope owns it and is the only one that may fork, join and close. When a child
 * fails, the scope cancels its siblings and {@link #join()} throws that first failure (later failures are
 * attached to it as suppressed exceptions). Closing the scope cancels the children still running and
 * waits for them to unwind, even if the owner is itself being cancelled, so no child outlives the
 * try-with-resources block.
 *
 * {@snippet :
 * String page = AsyncRuntime.run(() -> {
 *     try (TaskScope scope = TaskScope.open()) {
 *         JoinHandle<String> header = scope.fork(Async.of(() -> "header"));
 *         JoinHandle<String> body = scope.fork(Async.of(() -> "body"));
 *         scope.join().await();
 *         return header.await() + "/" + body.await();
 *     }
 * });
 * }
 *
 * <h2>Cancellation</h2>
 * {@link #join()} is cancel-safe: a cancelled owner stops waiting, and {@code close()} then cancels the
 * children and waits for them.
 */
public final class TaskScope implements AutoCloseable {

    private final Thread owner;
    private final Object lock = new Object();
    private final List<TaskCore<?>> children = new ArrayList<>();
    private int unfinished;
    private TaskCore<?> firstFailure;
    private boolean closed;

    private TaskScope(Thread owner) {
        this.owner = owner;
    }

    /**
     * Opens a scope owned by the calling task.
     *
     * @throws IllegalStateException if the caller is not a Weft task
     */
    public static TaskScope open() {
        TaskContext.requireTask("TaskScope.open()");
        return new TaskScope(Thread.currentThread());
    }

    /**
     * Starts {@code operation} as a child task. After a child has failed, new children are cancelled
     * before they start.
     *
     * @throws IllegalStateException if the scope is closed
     * @throws WrongThreadException  if the caller is not the owner
     */
    public <T> JoinHandle<T> fork(Async<T> operation) {
        checkOwner();
        boolean alreadyFailed;
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("this TaskScope is closed");
            }
            alreadyFailed = firstFailure != null;
        }
        JoinHandle<T> handle = Weft.spawn(operation);
        TaskCore<T> core = Tasks.core(handle);
        synchronized (lock) {
            children.add(core);
            unfinished++;
        }
        if (alreadyFailed) {
            handle.abort();
        }
        core.onComplete(this::childFinished);
        return handle;
    }

    private void childFinished(TaskCore<?> child) {
        List<TaskCore<?>> siblings = List.of();
        synchronized (lock) {
            unfinished--;
            if (child.isFailedOutcome() && firstFailure == null) {
                firstFailure = child;
                siblings = new ArrayList<>(children);
            }
        }
        for (TaskCore<?> sibling : siblings) {
            sibling.requestCancel();
        }
        LockSupport.unpark(owner);
    }

    /**
     * Waits for every child to finish. If one failed, throws its failure (as {@link JoinHandle#await()}
     * would) after the siblings it cancelled have finished.
     *
     * @throws WrongThreadException if the caller is not the owner
     */
    public Async<Void> join() {
        return Async.of(() -> {
            checkOwner();
            VirtualTask<?> self = TaskContext.requireTask("TaskScope.join()");
            while (unfinishedCount() > 0) {
                TaskContext.park(self, this);
            }
            throwFirstFailure();
            return null;
        });
    }

    private void throwFirstFailure() {
        TaskCore<?> failed;
        List<TaskCore<?>> all;
        synchronized (lock) {
            failed = firstFailure;
            all = new ArrayList<>(children);
        }
        if (failed == null) {
            return;
        }
        try {
            failed.resultOrThrow();
        } catch (RuntimeException | Error first) {
            for (TaskCore<?> other : all) {
                if (other != failed && other.isFailedOutcome()) {
                    try {
                        other.resultOrThrow();
                    } catch (RuntimeException | Error secondary) {
                        first.addSuppressed(secondary);
                    }
                }
            }
            throw first;
        }
    }

    private int unfinishedCount() {
        synchronized (lock) {
            return unfinished;
        }
    }

    /**
     * Cancels the children still running and waits for all of them to finish. Idempotent.
     *
     * @throws WrongThreadException if the caller is not the owner
     */
    @Override
    public void close() {
        checkOwner();
        List<TaskCore<?>> running;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            running = new ArrayList<>(children);
        }
        for (TaskCore<?> child : running) {
            if (!child.isDone()) {
                child.requestCancel();
            }
        }
        while (unfinishedCount() > 0) {
            LockSupport.park(this);
        }
    }

    private void checkOwner() {
        if (Thread.currentThread() != owner) {
            throw new WrongThreadException("a TaskScope is used only by the task that opened it");
        }
    }
}
