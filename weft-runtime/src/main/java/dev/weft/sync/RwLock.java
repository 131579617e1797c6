package dev.weft.sync;

import dev.weft.Async;
import dev.weft.runtime.internal.poll.PollingAsync;

import java.time.Duration;
import java.util.Optional;

/**
 * A fair reader-writer lock for tasks, protecting a value: Tokio's {@code RwLock}. Many readers or one
 * writer hold it at a time. It is fair: requests are served in the order they were made, so a writer
 * that waits holds back the readers that arrive after it (writers are not starved), and the readers
 * before it are served together. At most {@code maxReaders} readers hold it at once.
 *
 * {@snippet :
 * RwLock<Map<String, Integer>> scores = new RwLock<>(new HashMap<>());
 * int alice = AsyncRuntime.run(() -> {
 *     try (RwLockWriteGuard<Map<String, Integer>> write = scores.write().await()) {
 *         write.get().put("alice", 3);
 *     }
 *     try (RwLockReadGuard<Map<String, Integer>> read = scores.read().await()) {
 *         return read.get().get("alice");   // 3
 *     }
 * });
 * }
 *
 * <p>Naming, for {@code read} and {@code write} alike: {@link #read()} awaits, {@link #tryRead()} never
 * waits and returns an empty {@code Optional}, {@link #read(Duration)} awaits with a deadline and throws
 * {@link dev.weft.time.Elapsed} when it passes, {@link #blockingRead()} is for threads outside the runtime.
 *
 * <h2>Cancellation</h2>
 * Both {@code read} and {@code write} are cancel-safe: a cancelled waiter leaves the queue and gives back
 * whatever share of the lock had been assigned to it (a writer collects the readers' shares one by one),
 * so the lock is never left held by an abandoned request.
 *
 * <h2>Memory consistency effects</h2>
 * Actions before closing a write guard happen-before the actions after every later acquisition; actions
 * before closing a read guard happen-before the actions after the next write acquisition.
 *
 * <h2>Implementation</h2>
 * A fair semaphore with {@code maxReaders} permits: a reader takes one, a writer takes them all.
 *
 * @param <T> the type of the protected value
 */
public final class RwLock<T> {

    /** The most readers an {@code RwLock} admits at once: {@value}. */
    public static final int MAX_READERS = BatchSemaphore.MAX_PERMITS;

    private final BatchSemaphore semaphore;
    private final LockGuard.Slot<T> slot;
    private final int maxReaders;
    private final PollingAsync<RwLockReadGuard<T>> read;
    private final PollingAsync<RwLockWriteGuard<T>> write;

    /** Creates an unlocked lock protecting {@code value}, admitting up to {@link #MAX_READERS} readers. */
    public RwLock(T value) {
        this(value, MAX_READERS);
    }

    /**
     * Creates an unlocked lock protecting {@code value}, admitting up to {@code maxReaders} readers at once.
     *
     * @throws IllegalArgumentException if {@code maxReaders} is not positive
     */
    public RwLock(T value, int maxReaders) {
        if (maxReaders <= 0) {
            throw new IllegalArgumentException("maxReaders <= 0: " + maxReaders);
        }
        this.semaphore = new BatchSemaphore(maxReaders);
        this.slot = new LockGuard.Slot<>(value);
        this.maxReaders = maxReaders;
        this.read = semaphore.acquiring(1, this::readGuard);
        this.write = semaphore.acquiring(maxReaders, this::writeGuard);
    }

    /** The most readers admitted at once. */
    public int maxReaders() {
        return maxReaders;
    }

    /**
     * An operation that waits for shared read access.
     *
     * <h4>Cancellation</h4>
     * Cancel-safe: see the class documentation.
     */
    public Async<RwLockReadGuard<T>> read() {
        return read;
    }

    /**
     * An operation that waits for exclusive write access.
     *
     * <h4>Cancellation</h4>
     * Cancel-safe: see the class documentation.
     */
    public Async<RwLockWriteGuard<T>> write() {
        return write;
    }

    /**
     * Like {@link #read()}, giving up after {@code timeout} with {@link dev.weft.time.Elapsed}.
     *
     * <h4>Cancellation</h4>
     * Cancel-safe, as is giving up at the deadline.
     *
     * @throws IllegalArgumentException if {@code timeout} is negative or longer than 100 years
     */
    public Async<RwLockReadGuard<T>> read(Duration timeout) {
        return TimedAsync.of(read, timeout, "read-locking the RwLock");
    }

    /**
     * Like {@link #write()}, giving up after {@code timeout} with {@link dev.weft.time.Elapsed}.
     *
     * <h4>Cancellation</h4>
     * Cancel-safe, as is giving up at the deadline: reader shares collected meanwhile are given back.
     *
     * @throws IllegalArgumentException if {@code timeout} is negative or longer than 100 years
     */
    public Async<RwLockWriteGuard<T>> write(Duration timeout) {
        return TimedAsync.of(write, timeout, "write-locking the RwLock");
    }

    /** Takes read access if it is free now and nobody waits; never waits. */
    public Optional<RwLockReadGuard<T>> tryRead() {
        return semaphore.tryAcquire(1, this::readGuard);
    }

    /** Takes write access if nobody holds the lock and nobody waits; never waits. */
    public Optional<RwLockWriteGuard<T>> tryWrite() {
        return semaphore.tryAcquire(maxReaders, this::writeGuard);
    }

    /**
     * Waits for read access on a thread that is not a Weft task, parking the thread.
     *
     * @throws InterruptedException if the thread is interrupted while it waits (nothing is taken)
     */
    public RwLockReadGuard<T> blockingRead() throws InterruptedException {
        return read.awaitBlocking();
    }

    /**
     * Waits for write access on a thread that is not a Weft task, parking the thread.
     *
     * @throws InterruptedException if the thread is interrupted while it waits (nothing is taken)
     */
    public RwLockWriteGuard<T> blockingWrite() throws InterruptedException {
        return write.awaitBlocking();
    }

    private RwLockReadGuard<T> readGuard() {
        return new RwLockReadGuard<>(semaphore, slot);
    }

    private RwLockWriteGuard<T> writeGuard() {
        return new RwLockWriteGuard<>(semaphore, slot, maxReaders);
    }

    @Override
    public String toString() {
        int free = semaphore.availablePermits();
        return free == maxReaders ? "RwLock[unlocked]" : "RwLock[" + (maxReaders - free) + " of " + maxReaders + " held]";
    }
}
