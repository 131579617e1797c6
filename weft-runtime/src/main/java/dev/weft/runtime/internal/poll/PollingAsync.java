package dev.weft.runtime.internal.poll;

import dev.weft.Async;
import dev.weft.runtime.internal.task.TaskContext;
import dev.weft.runtime.internal.task.VirtualTask;

import java.util.concurrent.locks.LockSupport;

/*
 * Implementation notes.
 *
 * The bridge from the poll protocol (Pollable) to Async: awaiting polls a fresh Pollable with the
 * task's own ThreadWaker and parks the task (a virtual thread) between polls. TaskContext.park throws
 * CancelledException when the task is cancelled or a timeout around it passes; the finally block then
 * abandons the operation, so a cancelled await consumes nothing.
 *
 * Select (dev.weft.sync.Select) polls several Pollables with one waker instead of going through
 * evaluate(), which is why the operations of Weft's primitives are PollingAsyncs.
 */

/**
 * An {@link Async} implemented by the poll protocol. Subclasses make a {@link Pollable} per evaluation.
 *
 * @param <T> the type of the value
 */
public abstract class PollingAsync<T> extends Async<T> {

    protected PollingAsync() {
    }

    /** Starts one evaluation: a fresh in-flight operation. */
    public abstract Pollable<T> start();

    @Override
    protected final T evaluate() {
        VirtualTask<?> task = TaskContext.requireTask("Async.await()");
        Pollable<T> operation = start();
        ThreadWaker waker = task.waker();
        boolean completed = false;
        try {
            while (!operation.poll(waker)) {
                TaskContext.park(task, operation);
            }
            completed = true;
        } finally {
            if (!completed) {
                operation.abandon();
            }
        }
        return operation.result();
    }

    /**
     * Evaluates this operation on a thread that is not a Weft task (a {@code blocking...} method),
     * parking the thread between polls.
     *
     * @throws InterruptedException if the thread is interrupted while it waits; the operation is then
     *                              abandoned and has consumed nothing
     */
    public final T awaitBlocking() throws InterruptedException {
        Pollable<T> operation = start();
        ThreadWaker waker = ThreadWaker.current();
        boolean completed = false;
        try {
            while (!operation.poll(waker)) {
                LockSupport.park(operation);
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
            completed = true;
        } finally {
            if (!completed) {
                operation.abandon();
            }
        }
        return operation.result();
    }
}
