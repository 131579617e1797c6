package dev.weft.sync;

import dev.weft.runtime.internal.poll.Pollable;
import dev.weft.runtime.internal.poll.PollingAsync;

/**
 * An operation that takes a permit of an Mpsc channel's capacity and then uses it ({@link #acquired()}):
 * send, reserve. When a permit is free and no sender waits, awaiting completes at once
 * ({@link #completeNow()}); otherwise it waits as a {@link CapacityWait}.
 */
abstract class CapacityOperation<R> extends PollingAsync<R> {

    final MpscSender<?> sender;
    final MpscCapacity capacity;

    CapacityOperation(MpscSender<?> sender, MpscCapacity capacity) {
        this.sender = sender;
        this.capacity = capacity;
    }

    /** Uses the permit the caller now holds; runs where the operation completes. */
    abstract R acquired();

    static ChannelClosedException receiverClosed() {
        return new ChannelClosedException("the receiver of the channel has closed");
    }

    @Override
    protected Object completeNow() {
        if (sender.isMarkedClosed()) {
            throw sender.closedHandle();
        }
        return switch (capacity.tryAcquire()) {
            case ACQUIRED -> acquired();
            case CLOSED -> throw receiverClosed();
            case FULL -> WOULD_WAIT;
        };
    }

    @Override
    public Pollable<R> start() {
        return new CapacityWait<>(this);
    }
}
