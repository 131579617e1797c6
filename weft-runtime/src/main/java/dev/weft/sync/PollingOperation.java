package dev.weft.sync;

import dev.weft.runtime.internal.poll.Pollable;
import dev.weft.runtime.internal.poll.PollingAsync;

import java.util.function.Supplier;

/** A re-runnable waiting operation whose evaluations {@code start} makes; shared by this package. */
final class PollingOperation<T> extends PollingAsync<T> {

    private final Supplier<? extends Pollable<T>> start;

    PollingOperation(Supplier<? extends Pollable<T>> start) {
        this.start = start;
    }

    /** Acquiring {@code count} permits of {@code semaphore}; {@code granted} makes the value handed out. */
    static <R> PollingOperation<R> acquiring(BatchSemaphore semaphore, int count, Supplier<? extends R> granted) {
        return new PollingOperation<>(() -> new PermitRequest<R>(semaphore, count, granted, PermitRequest::refuseClosed));
    }

    @Override
    public Pollable<T> start() {
        return start.get();
    }
}
