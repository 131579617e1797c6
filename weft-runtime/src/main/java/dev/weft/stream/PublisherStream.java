package dev.weft.stream;

import dev.weft.Async;
import dev.weft.AsyncException;
import dev.weft.runtime.internal.poll.Pollable;
import dev.weft.runtime.internal.poll.Pollables;
import dev.weft.runtime.internal.poll.Waker;

import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.Flow;

/*
 * Implementation notes.
 *
 * A Flow.Publisher consumed as a stream, with a bounded buffer and demand in batches (as Reactor's
 * limitRate): the subscription requests `capacity` values up front, and once the consumer has taken
 * `batch` (half the capacity, at least one) values it requests that many again. Invariant:
 * buffered + outstanding demand + taken-not-yet-requested == capacity, so the buffer never holds
 * more than `capacity` values; a publisher that sends more than requested breaks rule 1.1 and ends
 * the stream with IllegalStateException.
 *
 * Threads: the publisher's signals arrive on its threads, one at a time (rule 1.3); the consumer
 * polls from its task. Every field is guarded by `lock`; the consumer's waker is woken after the
 * lock is released, and request()/cancel() are called outside it (a synchronous publisher may call
 * onNext from inside request()).
 *
 * Poll protocol: a value is taken from the buffer inside poll, so an abandoned next() takes nothing.
 * Subscribing happens on the first poll: nothing runs before the stream is first awaited.
 */

/**
 * A {@link Flow.Publisher} read as an {@link AsyncStream}: made by
 * {@link FlowStreams#fromPublisher(Flow.Publisher, int)}. The stream subscribes when it is first
 * awaited, buffers at most its capacity, and requests more in batches as values are taken, so a fast
 * publisher is held back to the consumer's pace. The publisher's {@code onError} ends the stream: the
 * next {@code next()} after the buffered values throws the error, and later ones return empty.
 * {@link #close()} cancels the subscription.
 *
 * {@snippet :
 * Flow.Publisher<String> publisher = FlowStreams.toPublisher(AsyncStream.of("first", "second"), runtime.handle());
 * try (PublisherStream<String> lines = FlowStreams.fromPublisher(publisher, 16)) {
 *     List<String> all = lines.toList().await();   // [first, second]
 * }
 * }
 *
 * <h2>Cancellation</h2>
 * {@link #next()} is cancel-safe: a value is taken from the buffer only when {@code next()} returns
 * it, so a {@code next()} lost in a {@link dev.weft.sync.Select} loses nothing.
 *
 * <h2>Memory consistency effects</h2>
 * Actions of the publisher before it signals {@code onNext(v)} happen-before the return of the
 * {@code next()} that returns {@code v}.
 *
 * @param <T> the type of the values
 */
public final class PublisherStream<T> implements AsyncStream<T>, AutoCloseable {

    private final Object lock = new Object();
    private final Flow.Publisher<? extends T> publisher;
    private final int capacity;
    private final int batch;
    private final ArrayDeque<T> buffer = new ArrayDeque<>();
    private Flow.Subscription subscription;
    private boolean subscribing;
    private int takenSinceRequest;
    private Throwable failure;
    private boolean completed;
    private boolean closed;
    private Waker waiter;

    PublisherStream(Flow.Publisher<? extends T> publisher, int capacity) {
        this.publisher = publisher;
        this.capacity = capacity;
        this.batch = Math.max(1, capacity / 2);
    }

    /**
     * The next value the publisher sent, waiting for one if the buffer is empty; empty once the
     * publisher completed (after the buffered values) or the stream was closed.
     *
     * {@snippet :
     * Optional<String> first = lines.next().await();
     * }
     *
     * <h4>Cancellation</h4>
     * Cancel-safe: see the class notes.
     *
     * @throws RuntimeException the publisher's error, once, after the buffered values (a checked one
     *                          wrapped in {@link dev.weft.AsyncException})
     */
    @Override
    public Async<Optional<T>> next() {
        return Pollables.async(Take::new);
    }

    /**
     * Cancels the subscription and ends the stream: later {@code next()} calls return empty, and values
     * still buffered are dropped. Idempotent.
     *
     * {@snippet :
     * lines.close();
     * }
     *
     * <h4>Cancellation</h4>
     * Does not wait.
     */
    @Override
    public void close() {
        Flow.Subscription toCancel;
        Waker toWake;
        synchronized (lock) {
            closed = true;
            buffer.clear();
            toCancel = subscription;
            toWake = waiter;
            waiter = null;
        }
        if (toCancel != null) {
            toCancel.cancel();
        }
        if (toWake != null) {
            toWake.wake();
        }
    }

    private void subscribeOnce() {
        synchronized (lock) {
            if (subscribing) {
                return;
            }
            subscribing = true;
        }
        publisher.subscribe(new Receiver());
    }

    /** One evaluation of next(). */
    private final class Take implements Pollable<Optional<T>> {

        private Optional<T> value;
        private Throwable error;

        @Override
        public boolean poll(Waker waker) {
            subscribeOnce();
            int toRequest = 0;
            Flow.Subscription requestFrom;
            synchronized (lock) {
                requestFrom = subscription;
                if (closed) {
                    value = Optional.empty();
                } else if (!buffer.isEmpty()) {
                    value = Optional.of(buffer.pollFirst());
                    if (++takenSinceRequest >= batch && !completed && failure == null) {
                        toRequest = takenSinceRequest;
                        takenSinceRequest = 0;
                    }
                } else if (failure != null) {
                    error = failure;
                    failure = null;
                    completed = true;
                } else if (completed) {
                    value = Optional.empty();
                } else {
                    waiter = waker;
                    return false;
                }
            }
            if (toRequest > 0) {
                requestFrom.request(toRequest);
            }
            return true;
        }

        @Override
        public Optional<T> result() {
            if (error instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (error instanceof Error fatal) {
                throw fatal;
            }
            if (error != null) {
                throw new AsyncException(error);
            }
            return value;
        }

        @Override
        public void abandon() {
            synchronized (lock) {
                waiter = null;
            }
        }
    }

    /** The subscriber given to the publisher. */
    private final class Receiver implements Flow.Subscriber<T> {

        @Override
        public void onSubscribe(Flow.Subscription given) {
            boolean refuse;
            synchronized (lock) {
                refuse = subscription != null || closed;
                if (!refuse) {
                    subscription = given;
                }
            }
            if (refuse) {
                given.cancel();
            } else {
                given.request(capacity);
            }
        }

        @Override
        public void onNext(T item) {
            Flow.Subscription overflowed = null;
            Waker toWake;
            synchronized (lock) {
                if (closed || completed) {
                    return;
                }
                if (buffer.size() >= capacity) {
                    failure = new IllegalStateException("the publisher sent more values than were requested"
                            + " (Reactive Streams rule 1.1); buffer capacity " + capacity);
                    completed = true;
                    overflowed = subscription;
                } else {
                    buffer.addLast(item);
                }
                toWake = waiter;
                waiter = null;
            }
            if (overflowed != null) {
                overflowed.cancel();
            }
            if (toWake != null) {
                toWake.wake();
            }
        }

        @Override
        public void onError(Throwable error) {
            end(error);
        }

        @Override
        public void onComplete() {
            end(null);
        }

        private void end(Throwable error) {
            Waker toWake;
            synchronized (lock) {
                if (completed) {
                    return;
                }
                completed = true;
                failure = error;
                toWake = waiter;
                waiter = null;
            }
            if (toWake != null) {
                toWake.wake();
            }
        }
    }
}
