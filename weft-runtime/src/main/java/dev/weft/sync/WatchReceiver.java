package dev.weft.sync;

import dev.weft.Async;
import dev.weft.runtime.internal.poll.Pollable;
import dev.weft.runtime.internal.poll.PollingAsync;

import java.util.Objects;
import java.util.function.Predicate;

/*
 * Implementation notes.
 *
 * A receiver of a Watch channel: `seen`, the version it saw last, owned by the one task that uses the
 * receiver (plain field). changed() marks the new version seen only inside the poll that completes, so
 * a cancelled changed() has marked nothing (SlotWait, over the receiver's slot of the WakerRegistry). A version newer than `seen` wins over the
 * sender's close, as in Tokio: the last value sent before the close is still reported as a change. So
 * tryComplete reads `closed` before the version: the close comes after the last send, so a version
 * read after seeing `closed` is the last one.
 * waitFor is a loop of reads and changed() awaits.
 */

/** A receiver of a Watch channel. See the implementation notes. */
final class WatchReceiver<T> extends ChannelHandle implements Watch.Receiver<T> {

    private final WatchState<T> state;
    private final PollingAsync<Void> changed;
    private final PendingOperation pending = new PendingOperation();
    private final AtomicWaker slot;
    private long seen;

    WatchReceiver(WatchState<T> state, AtomicWaker slot, long seen) {
        super("receiver");
        this.state = state;
        this.slot = slot;
        this.seen = seen;
        this.changed = new PollingAsync<>() {
            @Override
            protected Object completeNow() {
                return seeNewVersion() ? null : WOULD_WAIT;
            }

            @Override
            public Pollable<Void> start() {
                return new Changed();
            }
        };
    }

    /** Marks the current version seen if it is newer than the one seen last; true if it was. */
    private boolean seeNewVersion() {
        long version = state.current().number();
        if (version == seen) {
            return false;
        }
        seen = version;
        return true;
    }

    @Override
    public T borrow() {
        return state.current().value();
    }

    @Override
    public T borrowAndUpdate() {
        WatchState.Version<T> current = state.current();
        seen = current.number();
        return current.value();
    }

    @Override
    public boolean hasChanged() {
        return state.current().number() != seen;
    }

    @Override
    public Async<Void> changed() {
        return changed;
    }

    @Override
    public Async<T> waitFor(Predicate<? super T> condition) {
        Objects.requireNonNull(condition, "condition");
        return Async.of(() -> {
            while (true) {
                T value = borrowAndUpdate();
                if (condition.test(value)) {
                    return value;
                }
                changed.await();
            }
        });
    }

    @Override
    public boolean isClosed() {
        return state.isClosed();
    }

    @Override
    public void close() {
        closeOnce(() -> state.receiverClosed(slot));
    }

    @Override
    public String toString() {
        return "Watch.Receiver[seen version " + seen + " of " + state.current().number()
                + (state.isClosed() ? ", sender closed" : "") + "]";
    }

    /** One wait for a change: a node of the channel's wait list while it waits. */
    private final class Changed extends SlotWait<Void> {
        private boolean senderClosed;

        Changed() {
            super(slot, pending);
        }

        @Override
        boolean tryComplete() {
            boolean closedBefore = state.isClosed();
            if (seeNewVersion()) {
                return true;
            }
            senderClosed = closedBefore;
            return senderClosed;
        }

        @Override
        public Void result() {
            if (senderClosed) {
                throw new ChannelClosedException("the sender of the watch channel has closed");
            }
            return null;
        }
    }
}
