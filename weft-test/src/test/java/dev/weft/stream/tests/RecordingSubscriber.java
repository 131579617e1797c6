package dev.weft.stream.tests;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.function.BiConsumer;

/**
 * A subscriber that records what it receives and checks, at every onNext, that it received no more
 * than it requested. {@code onEach} runs after each value with the subscriber and the value (to request
 * more or cancel). Thread-safe.
 */
final class RecordingSubscriber<T> implements Flow.Subscriber<T> {

    private final long initialRequest;
    private final BiConsumer<RecordingSubscriber<T>, T> onEach;
    private final List<T> values = new ArrayList<>();
    private Flow.Subscription subscription;
    private long requested;
    private long overRequested;
    private Throwable error;
    private boolean completed;

    RecordingSubscriber(long initialRequest, BiConsumer<RecordingSubscriber<T>, T> onEach) {
        this.initialRequest = initialRequest;
        this.onEach = onEach;
    }

    @Override
    public void onSubscribe(Flow.Subscription given) {
        synchronized (this) {
            subscription = given;
        }
        if (initialRequest != 0) {
            request(initialRequest);
        }
    }

    @Override
    public void onNext(T item) {
        synchronized (this) {
            values.add(item);
            if (values.size() > requested) {
                overRequested++;
            }
        }
        onEach.accept(this, item);
    }

    @Override
    public synchronized void onError(Throwable failure) {
        error = failure;
    }

    @Override
    public synchronized void onComplete() {
        completed = true;
    }

    void request(long n) {
        Flow.Subscription target;
        synchronized (this) {
            requested += n;
            target = subscription;
        }
        target.request(n);
    }

    void cancel() {
        Flow.Subscription target;
        synchronized (this) {
            target = subscription;
        }
        target.cancel();
    }

    synchronized List<T> values() {
        return List.copyOf(values);
    }

    /** How many values arrived beyond what had been requested; must stay 0. */
    synchronized long overRequested() {
        return overRequested;
    }

    synchronized Throwable error() {
        return error;
    }

    synchronized boolean isCompleted() {
        return completed;
    }

    synchronized boolean isDone() {
        return completed || error != null;
    }
}
