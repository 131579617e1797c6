package dev.weft.sync;

import java.util.Objects;

/** A reserved slot of an Mpsc channel: holds one permit of its capacity until used or closed (either closes the handle). */
final class MpscPermit<T> extends ChannelHandle implements Mpsc.Permit<T> {

    private final MpscChannel<T> channel;

    MpscPermit(MpscChannel<T> channel) {
        super("permit");
        this.channel = channel;
    }

    @Override
    public synchronized void send(T item) {
        Objects.requireNonNull(item, "item");
        if (isMarkedClosed()) {
            throw new IllegalStateException("the permit was already used or closed");
        }
        channel.capacity.unhold();
        channel.push(item);
        markClosed();
    }

    @Override
    public void close() {
        closeOnce(channel.capacity::giveBack);
    }
}
