package dev.weft.stream;

import dev.weft.runtime.internal.poll.Pollable;
import dev.weft.runtime.internal.poll.PollingAsync;
import dev.weft.runtime.internal.poll.Waker;

import java.util.function.Supplier;

/**
 * A pollable operation that never waits: its first poll computes the value, which is the moment it is
 * taken (an iterator advanced, a counter spent). Each evaluation computes anew.
 */
final class Immediate<T> extends PollingAsync<T> {

    private final Supplier<T> value;

    Immediate(Supplier<T> value) {
        this.value = value;
    }

    @Override
    public Pollable<T> start() {
        return new Pollable<>() {
            private T computed;

            @Override
            public boolean poll(Waker waker) {
                computed = value.get();
                return true;
            }

            @Override
            public T result() {
                return computed;
            }

            @Override
            public void abandon() {
            }
        };
    }
}
