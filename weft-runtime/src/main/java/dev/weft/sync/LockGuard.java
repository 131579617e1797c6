package dev.weft.sync;

/*
 * Implementation notes.
 *
 * What every lock guard shares: the permits it holds on the lock's BatchSemaphore and the slot holding
 * the protected value. The value is a plain field: the semaphore's release and acquisition order every
 * access (see BatchSemaphore's memory-ordering note). `released` is read and written by the task that
 * owns the guard only.
 */

/** The part shared by {@link MutexGuard}, {@link RwLockReadGuard} and {@link RwLockWriteGuard}. */
abstract class LockGuard<T> implements AutoCloseable {

    /** The value a lock protects. */
    static final class Slot<T> {
        T value;

        Slot(T value) {
            this.value = value;
        }
    }

    final BatchSemaphore semaphore;
    final Slot<T> slot;
    final int permits;
    private boolean released;

    LockGuard(BatchSemaphore semaphore, Slot<T> slot, int permits) {
        this.semaphore = semaphore;
        this.slot = slot;
        this.permits = permits;
    }

    /**
     * The protected value.
     *
     * @throws IllegalStateException if the guard was closed
     */
    public final T get() {
        checkHeld();
        return slot.value;
    }

    /** Releases the lock; the next waiter, oldest first, gets it. Closing a closed guard does nothing. */
    @Override
    public final void close() {
        if (!released) {
            released = true;
            semaphore.release(permits);
        }
    }

    final void checkHeld() {
        if (released) {
            throw new IllegalStateException("the guard was closed: the lock is no longer held");
        }
    }

    /** Marks the guard closed without releasing its permits, which the caller hands on. */
    final void handOver() {
        checkHeld();
        released = true;
    }
}
