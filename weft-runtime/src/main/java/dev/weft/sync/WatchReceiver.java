package dev.weft.sync;

import dev.weft.Async;
import dev.weft.runtime.internal.poll.Pollable;
import dev.weft.runtime.internal.poll.PollingAsync;
import dev.weft.stream.AsyncStream;

import java.util.Objects;
import java.util.Optional;
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
 * waitFor is a loop of reads and changed() awaits. The stream of changes() keeps its own `started` flag
 * and shares `seen` with the receiver; like changed(), it marks a version seen only where it completes.
 */

/** A receiver of a Watch channel. See the implementation notes. */
final class WatchReceiver<T> extends ChannelHandle implements Watch.Receiver<T> {

    private final WatchState<T> state;
    private final PollingAsync<Void> changed;
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
    public AsyncStream<T> changes() {
        return new Changes();
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

    /** The stream of values: the current one first, then one per change. Owned by the consuming task. */
    private final class Changes implements AsyncStream<T> {
        private final PollingAsync<Optional<T>> next = new PollingAsync<>() {
            @Override
            protected Object completeNow() {
                Optional<T> value = take();
                return value != null ? value : WOULD_WAIT;
            }

            @Override
            public Pollable<Optional<T>> start() {
                return new NextChange();
            }
        };
        private boolean started;

        @Override
        public Async<Optional<T>> next() {
            return next;
        }

        /** The stream's next value, marking it seen; empty at the end; null when there is nothing new yet. */
        Optional<T> take() {
            boolean closedBefore = state.isClosed();
            WatchState.Version<T> current = state.current();
            if (!started || current.number() != seen) {
                started = true;
                seen = current.number();
                return Optional.of(Objects.requireNonNull(current.value(), "a Watch stream cannot carry null"));
            }
            return closedBefore ? Optional.empty() : null;
        }

        /** One wait for the stream's next value. */
        private final class NextChange extends SlotWait<Optional<T>> {
            private Optional<T> value;

            NextChange() {
                super(slot);
            }

            @Override
            boolean tryComplete() {
                value = take();
                return value != null;
            }

            @Override
            public Optional<T> result() {
                return value;
            }
        }
    }

    /** One wait for a change. */
    private final class Changed extends SlotWait<Void> {
        private boolean senderClosed;

        Changed() {
            super(slot);
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
