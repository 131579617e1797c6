package dev.weft.sync;

/**
 * Exclusive write access to the value of an {@link RwLock}, held until the guard is closed (use
 * try-with-resources) or {@linkplain #downgrade() downgraded} to a read guard.
 *
 * {@snippet :
 * RwLock<String> config = new RwLock<>("v1");
 * AsyncRuntime.run(() -> {
 *     try (RwLockWriteGuard<String> write = config.write().await()) {
 *         write.set("v2");
 *     }
 * });
 * }
 *
 * <p>A guard belongs to one task at a time. After closing, {@link #get()} and {@link #set} throw
 * {@link IllegalStateException}.
 *
 * @param <T> the type of the value
 */
public final class RwLockWriteGuard<T> extends LockGuard<T> {

    RwLockWriteGuard(BatchSemaphore semaphore, Slot<T> slot, int maxReaders) {
        super(semaphore, slot, maxReaders);
    }

    /**
     * Replaces the protected value.
     *
     * @throws IllegalStateException if the guard was closed
     */
    public void set(T value) {
        checkHeld();
        slot.value = value;
    }

    /**
     * Turns this write access into read access without letting a writer in between: waiting readers
     * (up to the first waiting writer) may then read too. This guard is closed by the call.
     *
     * @throws IllegalStateException if the guard was closed
     */
    public RwLockReadGuard<T> downgrade() {
        handOver();
        RwLockReadGuard<T> read = new RwLockReadGuard<>(semaphore, slot);
        semaphore.release(permits - 1);
        return read;
    }

    @Override
    public String toString() {
        return "RwLockWriteGuard[" + slot.value + "]";
    }
}
