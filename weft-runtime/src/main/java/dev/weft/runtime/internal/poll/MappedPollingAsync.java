package dev.weft.runtime.internal.poll;

import java.util.function.Function;

/**
 * A {@link PollingAsync} whose value is another one's, transformed: what {@code Async.map} makes of a
 * pollable operation, so that a mapped receive stays pollable (and cancel-safe) inside a select. The
 * function runs once, on the owner's thread, when the result is taken; an abandoned evaluation never
 * runs it.
 *
 * @param <A> the type of the source's value
 * @param <B> the type of this operation's value
 */
public final class MappedPollingAsync<A, B> extends PollingAsync<B> {

    private final PollingAsync<A> source;
    private final Function<? super A, ? extends B> mapper;

    public MappedPollingAsync(PollingAsync<A> source, Function<? super A, ? extends B> mapper) {
        this.source = source;
        this.mapper = mapper;
    }

    @Override
    @SuppressWarnings("unchecked")
    protected Object completeNow() {
        Object now = source.completeNow();
        return now == WOULD_WAIT ? WOULD_WAIT : mapper.apply((A) now);
    }

    @Override
    public Pollable<B> start() {
        Pollable<A> started = source.start();
        return new Pollable<>() {
            @Override
            public boolean poll(Waker waker) {
                return started.poll(waker);
            }

            @Override
            public B result() {
                return mapper.apply(started.result());
            }

            @Override
            public void abandon() {
                started.abandon();
            }
        };
    }
}
