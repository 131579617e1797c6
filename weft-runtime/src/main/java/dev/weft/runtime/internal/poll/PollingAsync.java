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
 *
 * Fast path: before it starts a Pollable, awaiting calls completeNow(), which an operation overrides
 * when it can often complete without waiting (a send into a channel with room, a receive of a
 * buffered item). It must do exactly what a first poll that completes would do, or nothing at all, so
 * the protocol's guarantees hold; what it saves is the Pollable, the waker and the second task lookup,
 * which on a channel's uncontended send cost more than the send itself.
 */

/**
 * An {@link Async} implemented by the poll protocol. Subclasses make a {@link Pollable} per evaluation.
 *
 * @param <T> the type of the value
 */
public abstract class PollingAsync<T> extends Async<T> {

    protected PollingAsync() {
    }

    /** What {@link #completeNow()} returns when the operation would have to wait. */
    protected static final Object WOULD_WAIT = new Object();

    /** Starts one evaluation: a fresh in-flight operation. */
    public abstract Pollable<T> start();

    /**
     * Completes the operation at once if it can, without a {@link Pollable}: with exactly the effect of a
     * first poll that completes (the same linearization point, fairness and failures), returning its
     * value or throwing its failure. Otherwise consumes nothing and returns {@link #WOULD_WAIT}. Awaiting
     * tries it before starting a {@code Pollable}; {@code Select} does not use it. The default returns
     * {@code WOULD_WAIT}.
     */
    protected Object completeNow() {
        return WOULD_WAIT;
    }

    @Override
    @SuppressWarnings("unchecked")
    protected final T evaluate() {
        Object now = completeNow();
        if (now != WOULD_WAIT) {
            return (T) now;
        }
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
    @SuppressWarnings("unchecked")
    public final T awaitBlocking() throws InterruptedException {
        Object now = completeNow();
        if (now != WOULD_WAIT) {
            return (T) now;
        }
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
