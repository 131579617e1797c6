package dev.weft.runtime.internal.task;

import dev.weft.Async;
import dev.weft.task.CancelledException;

import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * Awaiting an operation inside a cancel scope that something outside the task cancels, such as a
 * {@code CancellationToken}: the operation runs inline in the calling task, and cancelling the scope makes
 * its next await point throw {@link CancelledException}, so it has unwound when the call returns.
 */
public final class CancelScopes {

    private CancelScopes() {
    }

    /**
     * Awaits {@code operation} in the calling task inside a new cancel scope. {@code arm} receives the
     * action that cancels the scope and wakes the task (callable from any thread, any number of times,
     * at once too) and returns the action that disarms it, run when the scope closes. Returns the
     * operation's value, or, when the scope (and not the task) was cancelled and the operation unwound,
     * what {@code whenCancelled} makes of the cancellation.
     */
    public static <T> T awaitInScope(String caller, Async<T> operation, Function<Runnable, Runnable> arm,
                                     Function<CancelledException, T> whenCancelled) {
        VirtualTask<?> task = TaskContext.requireTask(caller);
        Thread thread = Thread.currentThread();
        CancelScope scope = task.openScope();
        Runnable disarm = null;
        try {
            disarm = arm.apply(() -> {
                scope.cancel();
                LockSupport.unpark(thread);
            });
            return operation.await();
        } catch (CancelledException cancelled) {
            if (scope.isCancelled() && !task.cancelRequested) {
                return whenCancelled.apply(cancelled);
            }
            throw cancelled;
        } finally {
            task.closeScope(scope);
            if (disarm != null) {
                disarm.run();
            }
        }
    }
}
