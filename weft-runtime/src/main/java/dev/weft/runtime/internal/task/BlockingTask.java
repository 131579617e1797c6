package dev.weft.runtime.internal.task;

import dev.weft.task.TaskState;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A task that runs a {@link Callable} on a blocking-pool thread. Cancelling it before a pool thread
 * takes it means it never runs; once it runs, cancellation has no effect (a blocking call cannot be
 * unwound from outside), as with Tokio's {@code spawn_blocking}.
 */
final class BlockingTask<T> extends TaskCore<T> implements Runnable {

    private final Callable<T> body;
    private final AtomicBoolean started = new AtomicBoolean();

    BlockingTask(RuntimeCore runtime, long id, String name, Callable<T> body) {
        super(runtime, id, name);
        this.body = body;
    }

    @Override
    public void run() {
        if (!started.compareAndSet(false, true)) {
            return;
        }
        try {
            completeWithValue(body.call());
        } catch (Throwable failure) {
            completeExceptionally(failure);
        }
    }

    @Override
    public void requestCancel() {
        cancelRequested = true;
        if (started.compareAndSet(false, true)) {
            complete(CANCELLED);
        }
    }

    @Override
    TaskState liveState() {
        return TaskState.RUNNABLE;
    }

    @Override
    boolean isBlocking() {
        return true;
    }
}
