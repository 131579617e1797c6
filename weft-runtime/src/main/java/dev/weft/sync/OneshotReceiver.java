package dev.weft.sync;

import dev.weft.Async;
import dev.weft.runtime.internal.poll.Pollable;
import dev.weft.runtime.internal.poll.PollingAsync;

/*
 * Implementation notes.
 *
 * The receiver of a Oneshot channel. Both receive() and tryReceive() read the cell's state once and
 * act on it: VALUE_SENT -> take the value (a CAS, so it is handed out once); SENDER_CLOSED or
 * RECEIVER_CLOSED without a value -> the channel is closed; nothing yet -> wait (receive) or Empty. A
 * value that was sent wins over a close that came after it: Tokio lets a closed receiver still take a
 * value sent before the close, and so does Weft.
 */

/** The receiver of a Oneshot channel. See the implementation notes. */
final class OneshotReceiver<T> implements Oneshot.Receiver<T> {

    private final OneshotCell<T> cell;

    OneshotReceiver(OneshotCell<T> cell) {
        this.cell = cell;
    }

    @Override
    public Async<T> receive() {
        return receiveOperation();
    }

    private PollingAsync<T> receiveOperation() {
        return new PollingAsync<>() {
            @Override
            protected Object completeNow() {
                int state = cell.state();
                return (state & OneshotCell.VALUE_SENT) != 0 && cell.take(state) ? cell.takenValue() : WOULD_WAIT;
            }

            @Override
            public Pollable<T> start() {
                return new Receive();
            }
        };
    }

    @Override
    public ReceiveResult<T> tryReceive() {
        int state = cell.state();
        if ((state & OneshotCell.VALUE_SENT) != 0) {
            return cell.take(state) ? new ReceiveResult.Received<>(cell.takenValue()) : ReceiveResult.disconnected();
        }
        boolean closed = (state & (OneshotCell.SENDER_CLOSED | OneshotCell.RECEIVER_CLOSED)) != 0;
        return closed ? ReceiveResult.disconnected() : ReceiveResult.empty();
    }

    @Override
    public T blockingReceive() throws InterruptedException {
        return receiveOperation().awaitBlocking();
    }

    @Override
    public void close() {
        cell.closeReceiver();
    }

    @Override
    public String toString() {
        int state = cell.state();
        String phase = (state & OneshotCell.VALUE_TAKEN) != 0 ? "received"
                : (state & OneshotCell.VALUE_SENT) != 0 ? "value ready"
                : (state & (OneshotCell.SENDER_CLOSED | OneshotCell.RECEIVER_CLOSED)) != 0 ? "closed" : "waiting";
        return "Oneshot.Receiver[" + phase + "]";
    }

    /** One wait for the value. */
    private final class Receive extends SlotWait<T> {
        private RuntimeException failure;
        private T value;

        Receive() {
            super(cell.receiverWaker);
        }

        @Override
        boolean tryComplete() {
            int state = cell.state();
            if ((state & OneshotCell.VALUE_SENT) != 0) {
                if (cell.take(state)) {
                    value = cell.takenValue();
                } else {
                    failure = new IllegalStateException("the value of this oneshot channel was already received");
                }
                return true;
            }
            if ((state & OneshotCell.SENDER_CLOSED) != 0) {
                failure = new ChannelClosedException("the sender of the oneshot channel closed without sending");
                return true;
            }
            if ((state & OneshotCell.RECEIVER_CLOSED) != 0) {
                failure = new ChannelClosedException("the receiver was closed before a value was sent");
                return true;
            }
            return false;
        }

        @Override
        public T result() {
            if (failure != null) {
                throw failure;
            }
            return value;
        }
    }
}
