package dev.weft.sync;

import dev.weft.Async;
import dev.weft.runtime.internal.poll.Pollable;
import dev.weft.runtime.internal.poll.Pollables;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/*
 * Implementation notes.
 *
 * The consumer end of an Mpsc channel. Its operations take items only inside a poll (SlotWait), so a
 * receive that is abandoned has taken nothing: the cancel safety of receive and receiveMany.
 *
 * A pending receive registers its waker in the channel's single AtomicWaker slot and then polls the
 * queue again (the Dekker pair described there). There is one slot, so one pending operation at a time
 * (AtomicWaker.claim). That check catches the common misuse, a receiver awaited by two tasks; it is a
 * plain field, as is the consumer side of the queue, because a receiver serves one task at a time (Tokio
 * enforces that with `&mut self`; Java cannot, and a CAS on every receive to catch concurrent calls would
 * cost a quarter of a receive).
 */

/** The receiver of an Mpsc channel. See the implementation notes. */
final class MpscReceiver<T> extends StreamReceiver<T> implements Mpsc.Receiver<T> {

    private final MpscChannel<T> channel;

    MpscReceiver(MpscChannel<T> channel) {
        this.channel = channel;
    }

    @Override
    public Async<Integer> receiveMany(List<? super T> into, int limit) {
        Objects.requireNonNull(into, "into");
        if (limit <= 0) {
            throw new IllegalArgumentException("limit <= 0: " + limit);
        }
        return Pollables.async(() -> new ReceiveMany(into, limit));
    }

    @Override
    T takeNext() {
        return channel.take();
    }

    @Override
    boolean isFinished() {
        return channel.isFinished();
    }

    @Override
    Pollable<Optional<T>> startReceive() {
        return new ReceiveOne();
    }

    @Override
    public void close() {
        channel.capacity.close();
    }

    @Override
    public boolean isClosed() {
        return channel.isClosed();
    }

    @Override
    public String toString() {
        return "Mpsc.Receiver[" + (isFinished() ? "finished" : channel.isClosed() ? "closed" : "open") + "]";
    }

    private final class ReceiveOne extends SlotWait<Optional<T>> {
        private T item;

        ReceiveOne() {
            super(channel.receiverWaker);
        }

        @Override
        boolean tryComplete() {
            item = takeNext();
            return item != null || isFinished();
        }

        @Override
        public Optional<T> result() {
            return Optional.ofNullable(item);
        }
    }

    private final class ReceiveMany extends SlotWait<Integer> {
        private final List<? super T> into;
        private final int limit;
        private int count;

        ReceiveMany(List<? super T> into, int limit) {
            super(channel.receiverWaker);
            this.into = into;
            this.limit = limit;
        }

        @Override
        boolean tryComplete() {
            MpscQueue<T> queue = channel.queue;
            try {
                T item;
                while (count < limit && (item = queue.poll()) != null) {
                    count++;
                    into.add(item);
                }
            } finally {
                if (count > 0) {
                    channel.capacity.release(count);
                }
            }
            return count > 0 || isFinished();
        }

        @Override
        public Integer result() {
            return count;
        }
    }
}
