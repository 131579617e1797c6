package dev.weft.stream.tests;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;

/**
 * A publisher the test drives by hand: it records every request and whether the subscription was
 * cancelled, and signals only when the test calls {@link #push}, {@link #fail} or {@link #complete}.
 * Thread-safe; one subscriber.
 */
final class ManualPublisher<T> implements Flow.Publisher<T> {

    private final List<Long> requests = new ArrayList<>();
    private Flow.Subscriber<? super T> subscriber;
    private boolean cancelled;

    @Override
    public synchronized void subscribe(Flow.Subscriber<? super T> newSubscriber) {
        subscriber = newSubscriber;
        newSubscriber.onSubscribe(new Flow.Subscription() {
            @Override
            public void request(long n) {
                synchronized (ManualPublisher.this) {
                    requests.add(n);
                }
            }

            @Override
            public void cancel() {
                synchronized (ManualPublisher.this) {
                    cancelled = true;
                }
            }
        });
    }

    synchronized boolean isSubscribed() {
        return subscriber != null;
    }

    synchronized List<Long> requests() {
        return List.copyOf(requests);
    }

    synchronized long requested() {
        return requests.stream().mapToLong(Long::longValue).sum();
    }

    synchronized boolean isCancelled() {
        return cancelled;
    }

    void push(T item) {
        subscriber().onNext(item);
    }

    void fail(Throwable error) {
        subscriber().onError(error);
    }

    void complete() {
        subscriber().onComplete();
    }

    private synchronized Flow.Subscriber<? super T> subscriber() {
        return subscriber;
    }
}
