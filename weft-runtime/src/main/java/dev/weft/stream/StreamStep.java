package dev.weft.stream;

import dev.weft.runtime.internal.poll.Pollable;
import dev.weft.runtime.internal.poll.Waker;

import java.util.Optional;

/**
 * One evaluation of an operator's {@code next()} by the poll protocol. A failure of a source found while
 * polling completes the evaluation: {@link #result()} throws it. {@link #release()} runs once the
 * evaluation has completed or been abandoned, to give back what it polls in place.
 */
abstract class StreamStep<T> implements Pollable<Optional<T>> {

    private Optional<T> value;
    private Throwable failure;

    /** Tries to produce the next value (or the end); returns null while pending, after arranging a wake-up. */
    abstract Optional<T> advance(Waker waker);

    /** Ends this evaluation; see the class notes. */
    abstract void release();

    @Override
    public final boolean poll(Waker waker) {
        try {
            value = advance(waker);
        } catch (RuntimeException | Error sourceFailure) {
            failure = sourceFailure;
        }
        boolean completed = value != null || failure != null;
        if (completed) {
            release();
        }
        return completed;
    }

    @Override
    public final Optional<T> result() {
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure != null) {
            throw (Error) failure;
        }
        return value;
    }

    @Override
    public final void abandon() {
        release();
    }
}
