package dev.weft.sync;

import java.util.function.UnaryOperator;

/*
 * Implementation notes.
 *
 * The shared state of a Watch channel (Tokio's watch::Shared). The value and its version number are one
 * immutable Version in a volatile field, so that readers take no lock and never see a value with the
 * wrong version (Tokio pairs an RwLock around the value with an atomic version). Writes (send, replace,
 * modify, close) happen under the monitor of Subscribers, one at a time: each publishes a new Version and,
 * after releasing the monitor, wakes the waiting receivers (WakerRegistry). A receiver waiting for a change
 * registers in its slot and then reads the version again (SlotWait).
 * sendModify's update runs under that monitor: it must be quick and must not await (the javadoc says so).
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

    /** Publishes {@code value} unless no receiver is open; returns whether it did. */
    boolean sendIfReceivers(T value) {
        synchronized (this) {
            if (receiverCount() == 0) {
                return false;
            }
            publish(value);
        }
        waiters.wakeAll();
        return true;
    }

    /** Publishes {@code value} and returns the value it replaced. */
    T replace(T value) {
        T previous;
        synchronized (this) {
            previous = current.value();
            publish(value);
        }
        waiters.wakeAll();
        return previous;
    }

    /** Publishes {@code update} applied to the current value. */
    void modify(UnaryOperator<T> update) {
        synchronized (this) {
            publish(update.apply(current.value()));
        }
        waiters.wakeAll();
    }

    /** A new receiver that has seen the current version. */
    WatchReceiver<T> subscribe() {
        synchronized (this) {
            return new WatchReceiver<>(this, receiverOpened(), current.number());
        }
    }

    private void publish(T value) {
        current = new Version<>(current.number() + 1, value);
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
