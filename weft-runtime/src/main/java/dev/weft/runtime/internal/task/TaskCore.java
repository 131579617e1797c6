package dev.weft.runtime.internal.task;

import dev.weft.runtime.internal.poll.Waker;
import dev.weft.task.CancelledException;
import dev.weft.task.JoinHandle;
import dev.weft.task.TaskFailedException;
import dev.weft.task.TaskInfo;
import dev.weft.task.TaskState;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/*
 * Implementation notes.
 *
 * The state of one task shared by its runner, its handle and whoever waits for it.
 *
 * `outcome` is null while the task runs and is set exactly once (CAS) when it ends: the value itself,
 * NULL_VALUE for a null value, a Failure, or CANCELLED. Setting it is the linearization point of
 * completion; everything the task did happens-before a reader that sees it (volatile write/read).
 *
 * `waiters` is a Treiber stack of WaitNodes: threads to unpark, wakers to wake (pollers of the
 * completion: Select, Async.race) and callbacks to run when the task ends.
 * complete() swaps in the DONE sentinel and then serves every node, so a node pushed after that fails
 * to push and its owner reads `outcome` instead. A waiter that gives up (its own task cancelled, a poller
 * that lost its select) clears its node's thread or waker; dead nodes are dropped from the top of the
 * stack on the next push, so a select loop that polls the same task over and over keeps the stack short.
 *
 * Unobserved failures: `handle` is held strongly until completion. If the task fails, the handle is
 * passed to UnobservedFailures, which reports the failure to the runtime's handler when the handle is
 * garbage collected (nobody can await it any more) or at shutdown, unless the failure was observed
 * first (awaited, or taken by a JoinSet or TaskScope).
 *
 * `prev`/`next` link the task into its TaskRegistry shard; they are guarded by that shard's monitor.
 */

/** The shared state of a task. See the implementation notes. */
public abstract class TaskCore<T> {

    static final Object NULL_VALUE = new Object();
    static final Object CANCELLED = new Object();
    private static final WaitNode DONE = new WaitNode(null, null);

    private static final VarHandle OUTCOME;
    private static final VarHandle WAITERS;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            OUTCOME = lookup.findVarHandle(TaskCore.class, "outcome", Object.class);
            WAITERS = lookup.findVarHandle(TaskCore.class, "waiters", WaitNode.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final long id;
    final String name;
    final RuntimeCore runtime;
    volatile boolean cancelRequested;
    private volatile boolean observed;
    @SuppressWarnings("unused") // accessed through OUTCOME
    private volatile Object outcome;
    @SuppressWarnings("unused") // accessed through WAITERS
    private volatile WaitNode waiters;
    private JoinHandle<T> handle;
    StackTraceElement spawnSite;

    TaskCore<?> prev;
    TaskCore<?> next;

    TaskCore(RuntimeCore runtime, long id, String name) {
        this.runtime = runtime;
        this.id = id;
        this.name = name;
        this.handle = new TaskHandle<>(this);
    }

    /** The handle given to the spawner. Read it before the task can complete: completion clears it. */
    final JoinHandle<T> handle() {
        return handle;
    }

    public final long id() {
        return id;
    }

    public final boolean isDone() {
        return OUTCOME.getAcquire(this) != null;
    }

    /** Asks the task to cancel; see the subclasses for what that does to a running task. */
    public abstract void requestCancel();

    abstract TaskState liveState();

    abstract boolean isBlocking();

    /** Ends the task with a value (may be null), a failure or cancellation. Only the first call counts. */
    final void complete(Object result) {
        if (!OUTCOME.compareAndSet(this, null, result)) {
            return;
        }
        JoinHandle<T> ownHandle = handle;
        handle = null;
        if (result instanceof Failure && !observed) {
            runtime.failures.track(this, ownHandle);
        }
        WaitNode node = (WaitNode) WAITERS.getAndSet(this, DONE);
        for (; node != null; node = node.next) {
            node.fire(this);
        }
        // Last: a shutdown waiting for the registry to empty returns only after every completion
        // callback (a CompletableFuture of the handle, a blockOn waiter) has run.
        runtime.registry.remove(this);
    }

    final void completeWithValue(T value) {
        complete(value == null ? NULL_VALUE : value);
    }

    final void completeExceptionally(Throwable failure) {
        complete(failure instanceof CancelledException ? CANCELLED : new Failure(failure));
    }

    /** Runs {@code callback} with this task once it has completed (at once if it already has). */
    public final void onComplete(Consumer<? super TaskCore<T>> callback) {
        WaitNode node = new WaitNode(null, callback);
        if (!push(node)) {
            callback.accept(this);
        }
    }

    /**
     * Arranges for {@code waker} to be woken once this task has completed, for code that polls the
     * completion (the poll protocol). Returns null when the task has already completed; otherwise a
     * registration to cancel when the poller gives up or wants another waker.
     */
    public final Registration wakeOnCompletion(Waker waker) {
        WaitNode node = new WaitNode(null, null);
        node.waker = waker;
        return push(node) ? node : null;
    }

    /** A waker registered with {@link #wakeOnCompletion(Waker)}. */
    public interface Registration {
        /** Withdraws the waker; a completion racing with this call may still wake it once. */
        void cancel();
    }

    /**
     * Waits for completion from inside a task, parking it. Throws {@link CancelledException} when the
     * waiting task is cancelled (the awaited task goes on).
     */
    public final T join() {
        if (!isDone()) {
            VirtualTask<?> self = TaskContext.requireTask("JoinHandle.await()");
            WaitNode node = new WaitNode(Thread.currentThread(), null);
            if (push(node)) {
                try {
                    while (!isDone()) {
                        TaskContext.park(self, this);
                    }
                } finally {
                    node.thread = null;
                }
            }
        }
        return resultOrThrow();
    }

    /** Waits for completion on a thread that is not a task (blockOn on the multi-thread flavour). */
    public final T joinBlocking() {
        if (!isDone()) {
            WaitNode node = new WaitNode(Thread.currentThread(), null);
            if (push(node)) {
                boolean interrupted = false;
                while (!isDone()) {
                    LockSupport.park(this);
                    interrupted |= Thread.interrupted();
                }
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        return resultOrThrow();
    }

    private boolean push(WaitNode node) {
        while (true) {
            WaitNode top = (WaitNode) WAITERS.getAcquire(this);
            if (top == DONE) {
                return false;
            }
            WaitNode live = top;
            while (live != null && live.isAbandoned()) {
                live = live.next;
            }
            node.next = live;
            if (WAITERS.compareAndSet(this, top, node)) {
                return true;
            }
        }
    }

    /** The outcome of a completed task: returns the value or throws as {@link JoinHandle#await()} does. */
    @SuppressWarnings("unchecked")
    public final T resultOrThrow() {
        Object result = OUTCOME.getAcquire(this);
        markObserved();
        if (result == NULL_VALUE) {
            return null;
        }
        if (result == CANCELLED) {
            throw new CancelledException("task " + id + " was cancelled");
        }
        if (result instanceof Failure failure) {
            Throwable error = failure.error();
            if (error instanceof RuntimeException runtimeException) {
                throw runtimeException;
            }
            if (error instanceof Error fatal) {
                throw fatal;
            }
            throw new TaskFailedException(id, error);
        }
        if (result == null) {
            throw new IllegalStateException("task " + id + " has not completed");
        }
        return (T) result;
    }

    /** Records that someone took responsibility for this task's outcome. */
    public final void markObserved() {
        if (!observed) {
            observed = true;
            runtime.failures.observed(this);
        }
    }

    /** True once someone took responsibility for the outcome; see {@link UnobservedFailures#track}. */
    final boolean isObserved() {
        return observed;
    }

    /** The failure this task ended with, or null. */
    final Throwable failureOrNull() {
        return OUTCOME.getAcquire(this) instanceof Failure failure ? failure.error() : null;
    }

    public final boolean isFailedOutcome() {
        return OUTCOME.getAcquire(this) instanceof Failure;
    }

    /** A snapshot for the task registry. */
    public final TaskInfo info() {
        Object result = OUTCOME.getAcquire(this);
        TaskState state;
        if (result == null) {
            state = liveState();
        } else if (result == CANCELLED) {
            state = TaskState.CANCELLED;
        } else if (result instanceof Failure) {
            state = TaskState.FAILED;
        } else {
            state = TaskState.COMPLETED;
        }
        return new TaskInfo(id, Optional.ofNullable(name), state, cancelRequested, isBlocking(),
                Optional.ofNullable(spawnSite));
    }

    @Override
    public String toString() {
        return info().toString();
    }

    record Failure(Throwable error) {
    }

    private static final class WaitNode implements Registration {
        volatile Thread thread;
        volatile Waker waker;
        final Consumer<? super TaskCore<?>> callback;
        WaitNode next;

        @SuppressWarnings({"unchecked", "rawtypes"})
        WaitNode(Thread thread, Consumer<?> callback) {
            this.thread = thread;
            this.callback = (Consumer) callback;
        }

        boolean isAbandoned() {
            return callback == null && thread == null && waker == null && this != DONE;
        }

        @Override
        public void cancel() {
            waker = null;
        }

        void fire(TaskCore<?> task) {
            if (callback != null) {
                try {
                    callback.accept(task);
                } catch (RuntimeException | Error e) {
                    System.getLogger("dev.weft.runtime").log(System.Logger.Level.ERROR,
                            "completion callback of task " + task.id + " failed", e);
                }
                return;
            }
            Thread waiting = thread;
            if (waiting != null) {
                LockSupport.unpark(waiting);
            }
            Waker poller = waker;
            if (poller != null) {
                poller.wake();
            }
        }
    }
}
