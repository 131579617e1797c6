package dev.weft.sync;

import dev.weft.Async;
import dev.weft.runtime.internal.poll.PollingAsync;

/** The sender of a Oneshot channel; the handle's close flag lets one of send and close happen, once. */
final class OneshotSender<T> extends ChannelHandle implements Oneshot.Sender<T> {

    private final OneshotCell<T> cell;
    private final PollingAsync<Void> closed;

    OneshotSender(OneshotCell<T> cell) {
        super("sender");
        this.cell = cell;
        this.closed = new PollingOperation<>(() -> new SlotWait<>(cell.senderWaker) {
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
    public boolean send(T value) {
        if (!markClosed()) {
            throw new IllegalStateException("a value was already sent, or this sender was closed");
        }
        return cell.send(value);
    }

    @Override
    public void close() {
        if (markClosed()) {
            cell.closeSender();
        }
    }

    @Override
    public boolean isClosed() {
        return (cell.state() & OneshotCell.RECEIVER_CLOSED) != 0;
    }

    @Override
    public Async<Void> closed() {
        return closed;
    }

    @Override
    public String toString() {
        return "Oneshot.Sender[" + (isMarkedClosed() ? "used" : isClosed() ? "receiver closed" : "ready") + "]";
    }
}
