package dev.weft.runtime.internal.io;

import dev.weft.runtime.internal.poll.Pollable;
import dev.weft.runtime.internal.poll.PollingAsync;
import dev.weft.runtime.internal.poll.WaitNode;
import dev.weft.runtime.internal.poll.Waker;

import java.io.IOException;
import java.io.UncheckedIOException;

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
    private T value;
    private RuntimeException failure;

    private IoOperation(IoRegistration io, int direction, IoCall<T> call) {
        this.io = io;
        this.direction = direction;
        this.call = call;
    }

    /**
     * An operation that makes {@code call} when {@code direction} is ready, waiting for readiness as
     * long as the call would block.
     *
     * @param direction {@link IoRegistration#READ} or {@link IoRegistration#WRITE}
     */
    public static <T> PollingAsync<T> async(IoRegistration io, int direction, IoCall<T> call) {
        return new PollingAsync<>() {
            @Override
            public Pollable<T> start() {
                return new IoOperation<>(io, direction, call);
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
