package dev.weft.sync;

import java.util.Objects;

/** A sender of a Broadcast channel: a counted handle on the shared {@link BroadcastRing}. */
final class BroadcastSender<T> extends ChannelHandle implements Broadcast.Sender<T> {

    private final BroadcastRing<T> ring;

    BroadcastSender(BroadcastRing<T> ring) {
        super("sender");
        this.ring = ring;
    }

    @Override
    public int send(T value) {
        Objects.requireNonNull(value, "value");
        requireOpen();
        return ring.send(value);
    }

    @Override
    public Broadcast.Receiver<T> subscribe() {
        requireOpen();
        return ring.subscribe();
    }

    @Override
    public Broadcast.Sender<T> newSender() {
        requireOpen();
        ring.senderOpened();
        return new BroadcastSender<>(ring);
    }

    @Override
    public int receiverCount() {
        return ring.receiverCount();
    }

    @Override
    public void close() {
        closeOnce(() -> ring.senderClosed());
    }

    @Override
    public String toString() {
        return "Broadcast.Sender[" + (isMarkedClosed() ? "closed" : "open") + ", " + receiverCount() + " receivers]";
    }
}
