package dev.weft.stream;

import dev.weft.Async;
import dev.weft.runtime.RuntimeHandle;
import dev.weft.runtime.internal.poll.Pollable;
import dev.weft.runtime.internal.poll.Pollables;
import dev.weft.runtime.internal.poll.Waker;
import dev.weft.task.JoinHandle;

import java.util.Optional;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/*
 * Implementation notes.
 *
 * A stream as a unicast Flow.Publisher. The one subscription is served by a pump task spawned on the
 * runtime after onSubscribe returned (Reactive Streams rule 1.9): it waits until the subscriber has
 * requested a value, only then pulls the stream's next(), and hands the value to onNext; so the stream
 * is never pulled for more values than were requested (rules 1.1 and 3.17: demand is a long that
 * saturates at Long.MAX_VALUE, meaning unbounded). All signals come from the pump, one at a time
 * (rule 1.3).
 *
 * request() and cancel() come from any thread: they update `demand` (atomic) or `cancelled`
 * (volatile), then wake the pump's waker. The pump's wait for demand is a Pollable that stores its
 * waker and then reads the state; the callers write the state and then read the waker (all volatile),
 * so no wake-up is lost. cancel() also aborts the pump, which interrupts a pending next() at its await
 * point; after cancel() the pump signals nothing more (rule 3.7). A request of zero or less fails the
 * subscription with IllegalArgumentException (rule 3.9).
 */

/** A stream published through {@link Flow}. See the implementation notes. */
final class StreamPublisher<T> implements Flow.Publisher<T> {

    private final AsyncStream<T> stream;
    private final RuntimeHandle runtime;
    private final AtomicBoolean subscribed = new AtomicBoolean();

    StreamPublisher(AsyncStream<T> stream, RuntimeHandle runtime) {
        this.stream = stream;
        this.runtime = runtime;
    }

    @Override
    public void subscribe(Flow.Subscriber<? super T> subscriber) {
        if (!subscribed.compareAndSet(false, true)) {
            subscriber.onSubscribe(new Flow.Subscription() {
                @Override
                public void request(long n) {
                }

                @Override
                public void cancel() {
                }
            });
            subscriber.onError(new IllegalStateException("this publisher is unicast: a stream has one consumer,"
                    + " and it already has a subscriber"));
            return;
        }
        Subscription subscription = new Subscription(subscriber);
        subscriber.onSubscribe(subscription);
        subscription.start();
    }

    /** The one subscription and its pump. */
    private final class Subscription implements Flow.Subscription {

        private final Flow.Subscriber<? super T> subscriber;
        private final AtomicLong demand = new AtomicLong();
        private volatile boolean cancelled;
        private volatile String violation;
        private volatile Waker pumpWaker;
        private volatile JoinHandle<Void> pump;

        Subscription(Flow.Subscriber<? super T> subscriber) {
            this.subscriber = subscriber;
        }

        void start() {
            pump = runtime.spawn("flow-publisher", Async.run(this::pump));
            if (cancelled) {
                pump.abort();
            }
        }

        @Override
        public void request(long n) {
            if (n <= 0) {
                violation = "request(n) with n <= 0: " + n + " (Reactive Streams rule 3.9)";
            } else {
                demand.getAndUpdate(current -> current + n < 0 ? Long.MAX_VALUE : current + n);
            }
            wakePump();
        }

        @Override
        public void cancel() {
            cancelled = true;
            JoinHandle<Void> running = pump;
            if (running != null) {
                running.abort();
            }
            wakePump();
        }

        private void wakePump() {
            Waker waker = pumpWaker;
            if (waker != null) {
                waker.wake();
            }
        }

        private void pump() {
            while (true) {
                Optional<T> next;
                try {
                    if (!awaitDemand()) {
                        return;
                    }
                    next = stream.next().await();
                } catch (RuntimeException | Error failure) {
                    // the stream failed, or the runtime is shutting down and cancelled the pump
                    if (!cancelled) {
                        subscriber.onError(failure);
                    }
                    return;
                }
                if (cancelled) {
                    return;
                }
                if (next.isEmpty()) {
                    subscriber.onComplete();
                    return;
                }
                deliver(next.get());
            }
        }

        /** Waits for demand; false when the subscription ended instead (cancelled, or an invalid request). */
        private boolean awaitDemand() {
            Pollables.async(DemandWait::new).await();
            if (cancelled) {
                return false;
            }
            String rejected = violation;
            if (rejected != null) {
                cancelled = true;
                subscriber.onError(new IllegalArgumentException(rejected));
                return false;
            }
            return true;
        }

        /**
         * Hands one value to the subscriber. A subscriber that throws breaks rule 2.13: its subscription
         * ends, and the failure ends the pump task, whose failure the runtime reports.
         */
        private void deliver(T value) {
            demand.getAndUpdate(current -> current == Long.MAX_VALUE ? current : current - 1);
            try {
                subscriber.onNext(value);
            } catch (RuntimeException | Error failure) {
                cancelled = true;
                throw failure;
            }
        }

        private boolean mayProceed() {
            return demand.get() > 0 || cancelled || violation != null;
        }

        /** A wait until there is demand, a cancellation or an invalid request. */
        private final class DemandWait implements Pollable<Void> {

            @Override
            public boolean poll(Waker waker) {
                pumpWaker = waker;
                return mayProceed();
            }

            @Override
            public Void result() {
                return null;
            }

            @Override
            public void abandon() {
                pumpWaker = null;
            }
        }
    }
}
