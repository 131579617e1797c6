package dev.weft.runtime.internal.task;

import dev.weft.task.JoinHandle;
import dev.weft.task.TaskInfo;

import java.lang.ref.Reference;
import java.util.concurrent.CompletableFuture;

/** The {@link JoinHandle} of a task: a thin view of its {@link TaskCore}. */
final class TaskHandle<T> extends JoinHandle<T> {

    private final TaskCore<T> core;

    TaskHandle(TaskCore<T> core) {
        this.core = core;
    }

    @Override
    protected T evaluate() {
        try {
            return core.join();
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    @Override
    public void abort() {
        core.requestCancel();
    }

    @Override
    public boolean isFinished() {
        return core.isDone();
    }

    @Override
    public long id() {
        return core.id;
    }

    @Override
    public TaskInfo info() {
        return core.info();
    }

    @Override
    public CompletableFuture<T> toCompletableFuture() {
        CompletableFuture<T> future = new CompletableFuture<>();
        core.onComplete(task -> {
            try {
                future.complete(task.resultOrThrow());
            } catch (Throwable failure) {
                future.completeExceptionally(failure);
            }
        });
        return future;
    }

    /** The task behind this handle, for JoinSet and TaskScope. */
    TaskCore<T> core() {
        return core;
    }

    @Override
    public String toString() {
        return "JoinHandle[" + core.info() + "]";
    }
}
