package dev.weft.sync;

import dev.weft.Async;
import dev.weft.runtime.internal.poll.Pollable;
import dev.weft.runtime.internal.poll.PollingAsync;

import java.time.Duration;
import java.util.Optional;

/**
 * What the receivers of a stream of items that ends share (Mpsc, Broadcast): a receive whose value is
 * empty at the end of the stream, and the operations built on a step that takes the next item without
 * waiting: {@code tryReceive}, {@code receive(timeout)}, {@code blockingReceive}, and the receive's fast
 * path (an item already there is taken without a pending receive). The subclass supplies that step, the
 * end test, and the pending receive.
 */
abstract class StreamReceiver<T> extends ChannelHandle {

    private final PollingAsync<Optional<T>> receive = new PollingAsync<>() {
        @Override
        protected Object completeNow() {
            T item = takeNext();
            return item != null ? Optional.of(item) : WOULD_WAIT;
        }

        @Override
        public Pollable<Optional<T>> start() {
            return startReceive();
        }
    };

    StreamReceiver() {
        super("receiver");
    }

    /** Takes the next item, or returns null if there is none now; the receiver's task only. */
    abstract T takeNext();

    /** True when no item will ever come again. */
    abstract boolean isFinished();

    /** A fresh pending receive. */
    abstract Pollable<Optional<T>> startReceive();

    public final Async<Optional<T>> receive() {
        return receive;
    }

    public final Async<ReceiveResult<T>> receive(Duration timeout) {
        return TimedReceive.of(timeout, this::tryReceive, receive);
    }

    public final ReceiveResult<T> tryReceive() {
        T item = takeNext();
        if (item != null) {
            return new ReceiveResult.Received<>(item);
        }
        return isFinished() ? ReceiveResult.disconnected() : ReceiveResult.empty();
    }

    public final Optional<T> blockingReceive() throws InterruptedException {
        return receive.awaitBlocking();
    }
}
