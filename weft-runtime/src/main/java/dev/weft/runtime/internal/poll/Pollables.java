package dev.weft.runtime.internal.poll;

import java.util.function.Supplier;

/** Small factories for operations built on the poll protocol. */
public final class Pollables {

    private Pollables() {
    }

    /** A {@link PollingAsync} whose evaluations are the pollables {@code start} makes, one per evaluation. */
    public static <T> PollingAsync<T> async(Supplier<? extends Pollable<T>> start) {
        return new PollingAsync<>() {
            @Override
            public Pollable<T> start() {
                return start.get();
            }
        };
    }
}
