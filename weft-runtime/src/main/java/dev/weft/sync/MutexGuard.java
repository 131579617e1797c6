package dev.weft.sync;

/**
 * Exclusive access to the value of a {@link Mutex}, held until the guard is closed (use
 * try-with-resources).
 *
 * {@snippet :
 * Mutex<List<String>> log = new Mutex<>(new ArrayList<>());
 * AsyncRuntime.run(() -> {
 *     try (MutexGuard<List<String>> guard = log.lock().await()) {
 *         guard.get().add("entry");
 *     }
 * });
 * }
 *
 * <p>A guard belongs to one task at a time: close it in the task that holds it (or hand it over with that
 * task's work), not from two threads at once. After closing, {@link #get()} and {@link #set} throw
 * {@link IllegalStateException}.
 *
 * @param <T> the type of the value
 */
public final class MutexGuard<T> extends LockGuard<T> {

    MutexGuard(BatchSemaphore semaphore, Slot<T> slot) {
        super(semaphore, slot, 1);
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

    @Override
    public String toString() {
        return "MutexGuard[" + slot.value + "]";
    }
}
