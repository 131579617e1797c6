package dev.weft.sync;

import dev.weft.runtime.internal.poll.Pollable;

import java.util.Optional;

/*
 * Implementation notes.
 *
 * A receiver of a Broadcast channel: a position `next` in the ring, owned by the one task that uses the
 * receiver (plain field). takeNext() reads the ring without a lock (see BroadcastRing) and moves `next`
 * on; it is called only inside a poll that then completes (or in the receive's fast path, which is the
 * same), so a receive that is abandoned has not moved the receiver: the cancel safety of receive. A
 * receive that finds nothing waits in the receiver's slot of the ring's WakerRegistry, woken by the next
 * send or the last sender's close (SlotWait).
 */

/** A receiver of a Broadcast channel. See the implementation notes. */
final class BroadcastReceiver<T> extends StreamReceiver<T> implements Broadcast.Receiver<T> {

    private final BroadcastRing<T> ring;
    private final AtomicWaker slot;
    private long next;

    BroadcastReceiver(BroadcastRing<T> ring, AtomicWaker slot, long next) {
        this.ring = ring;
        this.slot = slot;
        this.next = next;
    }

    @Override
    public Broadcast.Receiver<T> resubscribe() {
        return ring.subscribe();
    }

    @Override
    public void close() {
        closeOnce(() -> ring.receiverClosed(slot));
    }

    /** The value at {@code next}, moving on past it; null if none was sent yet; throws when lagged. */
    @Override
    T takeNext() {
        requireOpen();
        if (next >= ring.tail()) {
            return null;
        }
        BroadcastRing.Entry<T> entry = ring.entry(next);
        if (entry.position() == next) {
            next++;
            return entry.value();
        }
        long oldest = ring.oldestKept();
        long skipped = oldest - next;
        next = oldest;
        throw new Lagged(skipped);
    }

    /** True when every sender closed and this receiver read every value: nothing will ever come. */
    @Override
    boolean isFinished() {
        return ring.isClosed() && next >= ring.tail();
    }

    @Override
    Pollable<Optional<T>> startReceive() {
        return new Receive();
    }

    @Override
    public String toString() {
        return "Broadcast.Receiver[at " + next + " of " + ring.tail() + (ring.isClosed() ? ", senders closed" : "")
                + "]";
    }

    /** One receive: a node of the ring's wait list while it waits. */
    private final class Receive extends SlotWait<Optional<T>> {
        private T value;
        private Lagged lagged;

        Receive() {
            super(slot);
        }

        @Override
        boolean tryComplete() {
            try {
                value = takeNext();
            } catch (Lagged missed) {
                lagged = missed;
            }
            return value != null || lagged != null || isFinished();
        }

        @Override
        public Optional<T> result() {
            if (lagged != null) {
                throw lagged;
            }
            return Optional.ofNullable(value);
        }
    }
}
