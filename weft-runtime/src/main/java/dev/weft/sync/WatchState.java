package dev.weft.sync;

import java.util.function.UnaryOperator;

/*
 * Implementation notes.
 *
 * The shared state of a Watch channel (Tokio's watch::Shared). The value and its version number are one
 * immutable Version in a volatile field, so that readers take no lock and never see a value with the
 * wrong version (Tokio pairs an RwLock around the value with an atomic version). Writes (send, replace,
 * modify, close) happen under the lock of Subscribers, one at a time: each publishes a new Version and,
 * after releasing the lock, wakes the waiting receivers (WakerRegistry). A receiver waiting for a change
 * registers in its slot and then reads the version again (SlotWait).
 * sendModify's update runs under that lock, a spin lock: it must be quick (the javadoc says so).
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
        lock();
        try {
            if (receiverCount() == 0) {
                return false;
            }
            publish(value);
        } finally {
            unlock();
        }
        waiters.wakeAll();
        return true;
    }

    /** Publishes {@code value} and returns the value it replaced. */
    T replace(T value) {
        T previous;
        lock();
        try {
            previous = current.value();
            publish(value);
        } finally {
            unlock();
        }
        waiters.wakeAll();
        return previous;
    }

    /** Publishes {@code update} applied to the current value. */
    void modify(UnaryOperator<T> update) {
        lock();
        try {
            publish(update.apply(current.value()));
        } finally {
            unlock();
        }
        waiters.wakeAll();
    }

    /** A new receiver that has seen the current version. */
    WatchReceiver<T> subscribe() {
        lock();
        try {
            return new WatchReceiver<>(this, receiverOpened(), current.number());
        } finally {
            unlock();
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
