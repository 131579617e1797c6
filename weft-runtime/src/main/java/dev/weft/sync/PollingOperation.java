package dev.weft.sync;

import dev.weft.runtime.internal.poll.Pollable;
import dev.weft.runtime.internal.poll.PollingAsync;

import java.util.function.Supplier;

/** A {@link PollingAsync} whose evaluations are made by a supplier: one fresh {@link Pollable} each. */
final class PollingOperation<T> extends PollingAsync<T> {

    private final Supplier<? extends Pollable<T>> start;

    PollingOperation(Supplier<? extends Pollable<T>> start) {
        this.start = start;
    }

    @Override
    public Pollable<T> start() {
        return start.get();
    }
}
