package dev.weft.task;

import dev.weft.Async;
import dev.weft.Weft;
import dev.weft.runtime.internal.task.TaskContext;
import dev.weft.runtime.internal.task.TaskCore;
import dev.weft.runtime.internal.task.Tasks;
import dev.weft.runtime.internal.task.VirtualTask;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.locks.LockSupport;

/**
 * A set of tasks whose results are taken in the order the tasks finish, like Tokio's {@code JoinSet}.
 * Closing the set aborts the tasks still in it.
 *
 * {@snippet :
 * int total = AsyncRuntime.run(() -> {
 *     try (JoinSet<Integer> set = new JoinSet<>()) {
 *         for (int i = 1; i <= 3; i++) {
 *             int n = i;
 *             set.spawn(Async.of(() -> n * n));
 *         }
 *         int sum = 0;
 *         while (!set.isEmpty()) {
 *             sum += set.joinNext().await();
 *         }
 *         return sum;   // 14
 *     }
 * });
 * }
 *
 * <h2>Cancellation</h2>
 * {@link #joinNext()} is cancel-safe: if the awaiting task is cancelled while it waits, no result is
 * taken from the set, and a later call returns it.
 *
 * <p>Thread safety: the methods may be called from any task; one task usually owns a set.
 *
 * @param <T> the type of the tasks' values
 */
public final class JoinSet<T> implements AutoCloseable {

    private final Object lock = new Object();
    private final Map<TaskCore<T>, JoinHandle<T>> running = new IdentityHashMap<>();
    private final ArrayDeque<JoinHandle<T>> finished = new ArrayDeque<>();
    private final List<Thread> waiters = new ArrayList<>();
    private boolean closed;

    /** Creates an empty set. */
    public JoinSet() {
    }

    /**
     * Spawns {@code operation} on the current runtime as a member of this set.
     *
     * @throws IllegalStateException if the set is closed, or the caller is not in a runtime
     */
    public JoinHandle<T> spawn(Async<T> operation) {
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("this JoinSet is closed");
            }
        }
        JoinHandle<T> handle = Weft.spawn(operation);
        TaskCore<T> core = Tasks.core(handle);
        synchronized (lock) {
            running.put(core, handle);
        }
        core.onComplete(this::taskFinished);
        return handle;
    }

    private void taskFinished(TaskCore<T> core) {
        List<Thread> toWake;
        synchronized (lock) {
            JoinHandle<T> handle = running.remove(core);
            if (handle == null) {
                return;
            }
            finished.addLast(handle);
            toWake = List.copyOf(waiters);
        }
        for (Thread thread : toWake) {
            LockSupport.unpark(thread);
        }
    }

    /**
     * Waits for the next task of the set to finish, removes it, and returns its value or throws what it
     * threw (as {@link JoinHandle#await()}: {@link CancelledException} for an aborted task).
     *
     * @throws NoSuchElementException if the set is empty when awaited
     */
    public Async<T> joinNext() {
        // Taking the result is the last step that can be cancelled: the value is returned without
        // another await point, so a cancelled joiner never drops a result it took.
        return Async.of(() -> Tasks.core(takeNext()).resultOrThrow());
    }

    private JoinHandle<T> takeNext() {
        VirtualTask<?> self = TaskContext.requireTask("JoinSet.joinNext()");
        Thread thread = Thread.currentThread();
        synchronized (lock) {
            waiters.add(thread);
        }
        try {
            while (true) {
                synchronized (lock) {
                    JoinHandle<T> next = finished.pollFirst();
                    if (next != null) {
                        return next;
                    }
                    if (running.isEmpty()) {
                        throw new NoSuchElementException("the JoinSet is empty");
                    }
                }
                TaskContext.park(self, this);
            }
        } finally {
            synchronized (lock) {
                waiters.remove(thread);
            }
        }
    }

    /**
     * Waits for every task of the set and returns their values in the order they finished. The first
     * failure is thrown at once, leaving the remaining tasks in the set.
     */
    public Async<List<T>> joinAll() {
        return Async.of(() -> {
            List<T> values = new ArrayList<>();
            while (!isEmpty()) {
                values.add(joinNext().await());
            }
            return values;
        });
    }

    /** Aborts every task still running in the set; their outcomes stay to be joined. */
    public void abortAll() {
        List<JoinHandle<T>> handles;
        synchronized (lock) {
            handles = new ArrayList<>(running.values());
        }
        for (JoinHandle<T> handle : handles) {
            handle.abort();
        }
    }

    /** Tasks in the set: running, or finished and not yet joined. */
    public int size() {
        synchronized (lock) {
            return running.size() + finished.size();
        }
    }

    /** True when the set holds no task. */
    public boolean isEmpty() {
        return size() == 0;
    }

    /** Aborts the tasks still running and refuses new ones. Does not wait for them to unwind. */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
        }
        abortAll();
    }
}
