package dev.weft.sync;

import dev.weft.Async;
import dev.weft.runtime.internal.poll.PollingAsync;

import java.time.Duration;
import java.util.Optional;

/**
 * A fair mutual-exclusion lock for tasks, protecting a value: Tokio's {@code Mutex}. {@link #lock()}
 * waits without holding a worker; waiters get the lock in the order they asked for it (FIFO), and a task
 * that arrives while others wait queues behind them rather than barging in. The lock is released by
 * closing the {@link MutexGuard} (try-with-resources). It is not reentrant: a task that locks a mutex it
 * holds waits for ever.
 *
 * {@snippet :
 * Mutex<Integer> counter = new Mutex<>(0);
 * int total = AsyncRuntime.run(() -> {
 *     List<JoinHandle<Void>> tasks = new ArrayList<>();
 *     for (int i = 0; i < 10; i++) {
 *         tasks.add(Weft.spawn(Async.run(() -> {
 *             try (MutexGuard<Integer> guard = counter.lock().await()) {
 *                 guard.set(guard.get() + 1);
 *             }
 *         })));
 *     }
 *     for (JoinHandle<Void> task : tasks) {
 *         task.await();
 *     }
 *     try (MutexGuard<Integer> guard = counter.lock().await()) {
 *         return guard.get();   // 10
 *     }
 * });
 * }
 *
 * <p>Naming: {@link #lock()} awaits, {@link #tryLock()} never waits and returns an empty
 * {@code Optional} when the lock is taken, {@link #lock(Duration)} awaits with a deadline and throws
 * {@link dev.weft.time.Elapsed} when it passes, {@link #blockingLock()} is for threads outside the runtime.
 *
 * <h2>Cancellation</h2>
 * Locking is cancel-safe: a {@code lock()} cancelled while it waits leaves the queue, and if the lock had
 * just been handed to it, passes it on to the next waiter; an abandoned lock never leaves the mutex
 * locked. A guard held by a cancelled task is released by its try-with-resources as the task unwinds.
 *
 * <h2>Memory consistency effects</h2>
 * Actions before closing a guard happen-before the actions after the next lock acquisition.
 *
 * @param <T> the type of the protected value
 */
public final class Mutex<T> {

    private final BatchSemaphore semaphore = new BatchSemaphore(1);
    private final LockGuard.Slot<T> slot;
    private final PollingAsync<MutexGuard<T>> lock;

    /** Creates an unlocked mutex protecting {@code value} (which may be null). */
    public Mutex(T value) {
        this.slot = new LockGuard.Slot<>(value);
        this.lock = semaphore.acquiring(1, this::guard);
    }

    /**
     * An operation that waits for the lock and returns its guard.
     *
     * <h4>Cancellation</h4>
     * Cancel-safe: see the class documentation.
     */
    public Async<MutexGuard<T>> lock() {
        return lock;
    }

    /**
     * Like {@link #lock()}, giving up after {@code timeout}: the operation then throws
     * {@link dev.weft.time.Elapsed} and the mutex is as if it had never been asked. A free lock is taken
     * even with a zero timeout.
     *
     * <h4>Cancellation</h4>
     * Cancel-safe, as is giving up at the deadline.
     *
     * @throws IllegalArgumentException if {@code timeout} is negative or longer than 100 years
     */
    public Async<MutexGuard<T>> lock(Duration timeout) {
        return TimedAsync.of(lock, timeout, "locking the mutex");
    }

    /** Takes the lock if it is free and nobody waits; never waits. */
    public Optional<MutexGuard<T>> tryLock() {
        return semaphore.tryAcquire(1, this::guard);
    }

    /**
     * Waits for the lock on a thread that is not a Weft task, parking the thread.
     *
     * @throws InterruptedException if the thread is interrupted while it waits (the lock is not taken)
     */
    public MutexGuard<T> blockingLock() throws InterruptedException {
        return lock.awaitBlocking();
    }

    /** True while some guard holds the lock (a snapshot). */
    public boolean isLocked() {
        return semaphore.availablePermits() == 0;
    }

    private MutexGuard<T> guard() {
        return new MutexGuard<>(semaphore, slot);
    }

    @Override
    public String toString() {
        return isLocked() ? "Mutex[locked]" : "Mutex[unlocked]";
    }
}
