package dev.weft.sync;

import dev.weft.Async;
import dev.weft.runtime.internal.poll.Pollables;

/** The sender of a Oneshot channel. Send and close each close the handle, under its monitor: one of them happens, once. */
final class OneshotSender<T> extends ChannelHandle implements Oneshot.Sender<T> {

    private final OneshotCell<T> cell;

    OneshotSender(OneshotCell<T> cell) {
        super("sender");
        this.cell = cell;
    }

    @Override
    public synchronized boolean send(T value) {
        if (isMarkedClosed()) {
            throw new IllegalStateException("a value was already sent, or this sender was closed");
        }
        boolean delivered = cell.send(value);
        markClosed();
        return delivered;
    }

    @Override
    public void close() {
        closeOnce(cell::closeSender);
    }

    @Override
    public boolean isClosed() {
        return (cell.state() & OneshotCell.RECEIVER_CLOSED) != 0;
    }

    @Override
    public Async<Void> closed() {
        return Pollables.async(() -> new SlotWait<>(cell.senderWaker()) {
            @Override
            boolean tryComplete() {
                return isClosed();
            }

            @Override
            public Void result() {
                return null;
            }
        });
    }

    @Override
    public String toString() {
        return "Oneshot.Sender[" + (isMarkedClosed() ? "used" : isClosed() ? "receiver closed" : "ready") + "]";
    }
}
