package dev.weft.sync;

import dev.weft.runtime.internal.poll.WakeBatch;

import java.util.function.UnaryOperator;

/*
 * Implementation notes.
 *
 * The shared state of a Watch channel (Tokio's watch::Shared). The value and its version number are one
 * immutable Version in a volatile field, so that readers take no lock and never see a value with the
 * wrong version (Tokio pairs an RwLock around the value with an atomic version). Writes (send, replace,
 * modify, close) happen under the monitor of this object, one at a time: each publishes a new Version
 * and takes the waiting receivers off the list, to wake them after releasing the monitor. A receiver
 * waiting for a change queues through Subscribers.await, which checks the version again under the
 * monitor.
 */

/** The shared state of a Watch channel. See the implementation notes. */
final class WatchState<T> extends Subscribers {

    private volatile Version<T> current;

    WatchState(T initial) {
        this.current = new Version<>(0, initial);
    }

    Version<T> current() {
        return current;
    }

    @Override
    boolean hasNews(long seen) {
        return current.number() != seen;
    }

    /** Publishes {@code value} unless no receiver is open; returns whether it did. */
    boolean sendIfReceivers(T value) {
        WakeBatch wakes = new WakeBatch();
        synchronized (this) {
            if (receiverCount() == 0) {
                return false;
            }
            publish(value, wakes);
        }
        wakes.wakeAll();
        return true;
    }

    /** Publishes {@code value} and returns the value it replaced. */
    T replace(T value) {
        WakeBatch wakes = new WakeBatch();
        T previous;
        synchronized (this) {
            previous = current.value();
            publish(value, wakes);
        }
        wakes.wakeAll();
        return previous;
    }

    /** Publishes {@code update} applied to the current value. */
    void modify(UnaryOperator<T> update) {
        WakeBatch wakes = new WakeBatch();
        synchronized (this) {
            publish(update.apply(current.value()), wakes);
        }
        wakes.wakeAll();
    }

    /** A new receiver that has seen the current version. */
    synchronized WatchReceiver<T> subscribe() {
        receiverOpened();
        return new WatchReceiver<>(this, current.number());
    }

    private void publish(T value, WakeBatch wakes) {
        current = new Version<>(current.number() + 1, value);
        takeWaiters(wakes);
    }

    /**
     * A value and its version number, which counts the values sent.
     *
     * @param number the version
     * @param value  the value
     * @param <T>    the type of the value
     */
    record Version<T>(long number, T value) {
    }
}
