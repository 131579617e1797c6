package dev.weft.runtime.internal.io;

import dev.weft.runtime.internal.poll.Pollable;
import dev.weft.runtime.internal.poll.PollingAsync;
import dev.weft.runtime.internal.poll.WaitNode;
import dev.weft.runtime.internal.poll.Waker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Predicate;

/*
 * Implementation notes.
 *
 * One non-blocking I/O call retried on readiness: the poll loop is "read the readiness word; if the
 * direction is not ready, queue this node and return pending; otherwise make the call; if it would
 * block, clear the readiness observed before the call and loop". The node is the operation itself, so
 * waiting allocates nothing more. The call runs only inside poll, on the owner's thread, which makes
 * the operation cancel-safe: an abandoned operation never made its call, or made it and got nothing.
 */

/**
 * A non-blocking call on a registered channel, completed by the poll protocol. See the implementation
 * notes.
 *
 * @param <T> the type of the value
 */
public final class IoOperation<T> extends WaitNode implements Pollable<T> {

    private final IoRegistration io;
    private final int direction;
    private final IoCall<T> call;
    private final Predicate<T> drained;
    private T value;
    private RuntimeException failure;

    private IoOperation(IoRegistration io, int direction, IoCall<T> call, Predicate<T> drained) {
        this.io = io;
        this.direction = direction;
        this.call = call;
        this.drained = drained;
    }

    /**
     * An operation that makes {@code call} when {@code direction} is ready, waiting for readiness as
     * long as the call would block.
     *
     * @param direction {@link IoRegistration#READ} or {@link IoRegistration#WRITE}
     */
    public static <T> PollingAsync<T> async(IoRegistration io, int direction, IoCall<T> call) {
        return async(io, direction, call, result -> false);
    }

    /**
     * As {@link #async(IoRegistration, int, IoCall)}, for a call that can tell from its result that it
     * drained the channel (a read that filled less than its buffer): the direction's readiness is then
     * cleared at once (if no event arrived meanwhile), so the next operation waits for an event instead of
     * making a call that would block (Tokio's poll_read does the same on Linux).
     */
    public static <T> PollingAsync<T> async(IoRegistration io, int direction, IoCall<T> call, Predicate<T> drained) {
        return new PollingAsync<>() {
            @Override
            public Pollable<T> start() {
                return new IoOperation<>(io, direction, call, drained);
            }
        };
    }

    @Override
    public boolean poll(Waker waker) {
        while (true) {
            int observed = io.pollReady(direction, this, waker);
            if (observed < 0) {
                return false;
            }
            try {
                T result = call.attempt();
                if (result != null) {
                    value = result;
                    io.removeWaiter(direction, this);
                    if (drained.test(result)) {
                        io.clearReadiness(observed, direction);
                    }
                    return true;
                }
            } catch (IOException e) {
                io.removeWaiter(direction, this);
                failure = new UncheckedIOException(e);
                return true;
            }
            io.clearReadiness(observed, direction);
        }
    }

    @Override
    public T result() {
        if (failure != null) {
            throw failure;
        }
        return value;
    }

    @Override
    public void abandon() {
        io.removeWaiter(direction, this);
    }
}
