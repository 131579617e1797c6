package dev.weft.sync;

import dev.weft.Async;
import dev.weft.runtime.internal.poll.Pollables;
import dev.weft.runtime.internal.poll.PollingAsync;

import java.util.Objects;
import java.util.Optional;

/*
 * Implementation notes.
 *
 * Tokio's OnceCell (tokio/src/sync/once_cell.rs): a semaphore with one permit serialises the
 * initialisers. The holder of the permit runs its initialiser inline, in its own task; on success it
 * publishes the value (volatile write) and closes the semaphore, which wakes every waiting initialiser
 * with "closed", telling it to read the value. If the initialiser fails or is cancelled, the permit is
 * released by the try-with-resources and goes to the oldest waiting initialiser, which tries its own.
 * `value` is written once, by the permit holder, before the close; readers read it without a lock.
 */

/**
 * A value set at most once, that tasks may wait for: Tokio's {@code OnceCell}. {@link #getOrInit} runs
 * the given initialiser if the cell is empty, one initialiser at a time; concurrent callers wait for
 * it and then return its value. If an initialiser fails or is cancelled, the next waiting caller runs its
 * own. Values may not be null.
 *
 * {@snippet :
 * OnceCell<String> config = new OnceCell<>();
 * String loaded = AsyncRuntime.run(() -> {
 *     String first = config.getOrInit(Async.of(() -> "loaded once")).await();
 *     String second = config.getOrInit(Async.of(() -> "never runs")).await();
 *     return first + " / " + second;   // "loaded once / loaded once"
 * });
 * }
 *
 * <h2>Cancellation</h2>
 * {@link #getOrInit} is cancel-safe while it waits for another initialiser (it leaves the queue and
 * consumes nothing). If it is cancelled while its own initialiser runs, that initialiser unwinds, the
 * cell stays empty and the next waiter tries.
 *
 * <h2>Memory consistency effects</h2>
 * Actions of an initialiser, and before a successful {@link #set}, happen-before the actions after any
 * read that returns the value.
 *
 * @param <T> the type of the value
 */
public final class OnceCell<T> {

    private final BatchSemaphore initialising = new BatchSemaphore(1);
    /** Completes true with the permit to initialise, or false once the semaphore closed: the value is set. */
    private final PollingAsync<Boolean> initialiserTurn = Pollables.async(
            () -> new PermitRequest<>(initialising, 1, () -> true, () -> false));
    private volatile T value;

    /** Creates an empty cell. */
    public OnceCell() {
    }

    /**
     * Creates a cell holding {@code value}.
     *
     * @throws NullPointerException if {@code value} is null
     */
    public OnceCell(T value) {
        this.value = Objects.requireNonNull(value, "value");
        initialising.close();
    }

    /** The value, or empty while the cell is not initialised. */
    public Optional<T> get() {
        return Optional.ofNullable(value);
    }

    /** True once the cell holds a value. */
    public boolean initialized() {
        return value != null;
    }

    /**
     * Sets the value if the cell is empty and no initialiser is running; never waits.
     *
     * @return true if this call set the value; false if the cell already had one or an initialiser is
     *         running (which may or may not succeed)
     * @throws NullPointerException if {@code value} is null
     */
    public boolean set(T value) {
        Objects.requireNonNull(value, "value");
        if (initialising.tryAcquire(1) != BatchSemaphore.Attempt.ACQUIRED) {
            return false;
        }
        publish(value);
        return true;
    }

    /**
     * An operation that returns the value, first running {@code initializer} in the calling task if the
     * cell is empty. Only one initialiser runs at a time; callers that find one running wait for it, and
     * run their own if it fails or is cancelled.
     *
     * <h4>Cancellation</h4>
     * Cancel-safe while waiting; cancelling a running initialiser leaves the cell empty for the next
     * waiter. See the class documentation.
     *
     * @throws NullPointerException (when awaited) if the initialiser returns null; the cell stays empty
     */
    public Async<T> getOrInit(Async<? extends T> initializer) {
        Objects.requireNonNull(initializer, "initializer");
        return Async.of(() -> {
            T current = value;
            if (current != null || !initialiserTurn.await()) {
                return value;
            }
            return initialise(initializer);
        });
    }

    @Override
    public String toString() {
        T current = value;
        return current == null ? "OnceCell[empty]" : "OnceCell[" + current + "]";
    }

    private T initialise(Async<? extends T> initializer) {
        boolean published = false;
        try {
            T made = Objects.requireNonNull(initializer.await(), "the initializer returned null");
            publish(made);
            published = true;
            return made;
        } finally {
            if (!published) {
                initialising.release(1);
            }
        }
    }

    private void publish(T made) {
        value = made;
        initialising.close();
    }
}
