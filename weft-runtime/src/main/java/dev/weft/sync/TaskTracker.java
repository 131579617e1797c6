package dev.weft.sync;

import dev.weft.Async;
import dev.weft.Weft;
import dev.weft.runtime.internal.poll.Pollable;
import dev.weft.runtime.internal.poll.Pollables;
import dev.weft.runtime.internal.poll.Waker;
import dev.weft.runtime.internal.task.Tasks;
import dev.weft.task.JoinHandle;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/*
 * Implementation notes.
 *
 * tokio-util's TaskTracker (tokio-util/src/task/task_tracker.rs). One atomic word:
 *
 *   bit 63 ...................... 1 |   0
 *   tracked tasks not yet finished  | CLOSED
 *
 * A task is counted before it is spawned and uncounted by its completion callback (TaskCore.onComplete),
 * which runs whichever way the task ends, even if it is aborted before it starts. The transitions to
 * "closed and empty" (the last task finishing while closed, or close() with no tasks) call
 * notifyWaiters() on a Notify. A waiter takes its notified() before checking the state, so a transition
 * between the check and the wait still wakes it (the Notify counts notifyWaiters calls from notified()).
 */

/**
 * Tracks spawned tasks so that their owner can wait for all of them to finish: tokio-util's
 * {@code TaskTracker}. Unlike a {@link dev.weft.task.JoinSet} it keeps no results, so it costs nothing
 * per finished task, and unlike a {@link dev.weft.task.TaskScope} it does not cancel anything.
 * {@link #waitAll()} completes once the tracker is {@linkplain #close() closed} and every tracked task has
 * finished; closing only says that the owner is done adding (tasks can still be spawned, and
 * {@link #reopen()} undoes it).
 *
 * {@snippet :
 * TaskTracker tracker = new TaskTracker();
 * AsyncRuntime.run(() -> {
 *     for (int i = 0; i < 3; i++) {
 *         int n = i;
 *         tracker.spawn(Async.run(() -> System.out.println("task " + n)));
 *     }
 *     tracker.close();
 *     tracker.waitAll().await();   // all three have finished
 * });
 * }
 *
 * <h2>Cancellation</h2>
 * {@link #waitAll()} is cancel-safe: cancelling it affects neither the tracker nor its tasks.
 *
 * <h2>Memory consistency effects</h2>
 * Actions of every tracked task happen-before the actions after {@code waitAll()} completes.
 */
public final class TaskTracker {

    private static final long CLOSED = 1;
    private static final long ONE_TASK = 2;

    private final AtomicLong state = new AtomicLong();
    private final Notify closedAndEmpty = new Notify();
    private final Async<Void> waitAll = Pollables.async(WaitAll::new);

    /** Creates an open tracker with no tasks. */
    public TaskTracker() {
    }

    /**
     * Spawns {@code operation} on the current runtime and tracks it until it finishes (whichever way,
     * including aborted before it started).
     *
     * @throws IllegalStateException if called outside a runtime
     */
    public <T> JoinHandle<T> spawn(Async<T> operation) {
        state.addAndGet(ONE_TASK);
        return track(() -> Weft.spawn(operation));
    }

    /** Like {@link #spawn(Async)} for {@link Weft#spawnBlocking(Callable)}. */
    public <T> JoinHandle<T> spawnBlocking(Callable<T> body) {
        state.addAndGet(ONE_TASK);
        return track(() -> Weft.spawnBlocking(body));
    }

    /**
     * Closes the tracker: {@link #waitAll()} completes once every tracked task has finished. Returns true
     * if this call closed it, false if it was closed already.
     */
    public boolean close() {
        long previous = state.getAndUpdate(current -> current | CLOSED);
        if (previous == 0) {
            closedAndEmpty.notifyWaiters();
        }
        return (previous & CLOSED) == 0;
    }

    /** Reopens a closed tracker. Returns true if this call reopened it, false if it was open. */
    public boolean reopen() {
        return (state.getAndUpdate(current -> current & ~CLOSED) & CLOSED) != 0;
    }

    /** True while the tracker is closed. */
    public boolean isClosed() {
        return (state.get() & CLOSED) != 0;
    }

    /** The tracked tasks that have not finished yet. */
    public long len() {
        return state.get() >>> 1;
    }

    /** Same as {@link #len()}. */
    public long size() {
        return len();
    }

    /** True when no tracked task is running. */
    public boolean isEmpty() {
        return len() == 0;
    }

    /**
     * An operation that completes once the tracker is closed and every tracked task has finished (at once
     * if that is already so). If the tracker is reopened first, it keeps waiting.
     *
     * <h4>Cancellation</h4>
     * Cancel-safe: see the class documentation.
     */
    public Async<Void> waitAll() {
        return waitAll;
    }

    @Override
    public String toString() {
        return "TaskTracker[" + len() + " tasks" + (isClosed() ? ", closed]" : "]");
    }

    private <T> JoinHandle<T> track(Supplier<JoinHandle<T>> spawn) {
        JoinHandle<T> handle;
        try {
            handle = spawn.get();
        } catch (RuntimeException | Error e) {
            taskFinished();
            throw e;
        }
        Tasks.core(handle).onComplete(core -> taskFinished());
        return handle;
    }

    private void taskFinished() {
        if (state.addAndGet(-ONE_TASK) == CLOSED) {
            closedAndEmpty.notifyWaiters();
        }
    }

    private boolean closedAndEmpty() {
        return state.get() == CLOSED;
    }

    /** One await of {@link #waitAll()}: a notified() taken before each check of the state. */
    private final class WaitAll implements Pollable<Void> {

        private NotifyWaiter pending;

        @Override
        public boolean poll(Waker waker) {
            while (true) {
                if (pending == null) {
                    pending = closedAndEmpty.waiter();
                }
                if (closedAndEmpty()) {
                    pending.abandon();
                    return true;
                }
                if (!pending.poll(waker)) {
                    return false;
                }
                pending = null;
            }
        }

        @Override
        public Void result() {
            return null;
        }

        @Override
        public void abandon() {
            if (pending != null) {
                pending.abandon();
            }
        }
    }
}
