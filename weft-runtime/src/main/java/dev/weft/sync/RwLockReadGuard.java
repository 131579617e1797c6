package dev.weft.sync;

/**
 * Shared read access to the value of an {@link RwLock}, held until the guard is closed (use
 * try-with-resources). Other readers may hold guards at the same time; writers wait.
 *
 * {@snippet :
 * RwLock<String> config = new RwLock<>("v1");
 * AsyncRuntime.run(() -> {
 *     try (RwLockReadGuard<String> read = config.read().await()) {
 *         System.out.println(read.get());
 *     }
 * });
 * }
 *
 * <p>A guard belongs to one task at a time. After closing, {@link #get()} throws
 * {@link IllegalStateException}.
 *
 * @param <T> the type of the value
 */
public final class RwLockReadGuard<T> extends LockGuard<T> {

    RwLockReadGuard(BatchSemaphore semaphore, Slot<T> slot) {
        super(semaphore, slot, 1);
    }

    @Override
    public String toString() {
        return "RwLockReadGuard[" + slot.value + "]";
    }
}
