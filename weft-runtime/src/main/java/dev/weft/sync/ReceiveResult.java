package dev.weft.sync;

import java.util.NoSuchElementException;

/**
 * The outcome of a receive that does not wait ({@code tryReceive}) or waits with a deadline
 * ({@code receive(timeout)}): {@link Received} with the value, {@link Empty} when nothing was there (in
 * time), {@link Disconnected} when nothing will ever come again (the senders are gone, or the receiver
 * was closed, and everything sent has been received). Tokio's {@code TryRecvError}, with the value.
 *
 * {@snippet :
 * switch (receiver.tryReceive()) {
 *     case ReceiveResult.Received<String> received -> handle(received.value());
 *     case ReceiveResult.Empty<String> empty -> doSomethingElse();
 *     case ReceiveResult.Disconnected<String> done -> finish();
 * }
 * }
 *
 * @param <T> the type of the values
 */
public sealed interface ReceiveResult<T>
        permits ReceiveResult.Received, ReceiveResult.Empty, ReceiveResult.Disconnected {

    /** The result when nothing was there. */
    @SuppressWarnings("unchecked")
    static <T> ReceiveResult<T> empty() {
        return (ReceiveResult<T>) Empty.INSTANCE;
    }

    /** The result when nothing will ever come again. */
    @SuppressWarnings("unchecked")
    static <T> ReceiveResult<T> disconnected() {
        return (ReceiveResult<T>) Disconnected.INSTANCE;
    }

    /** True when a value was received. */
    default boolean isReceived() {
        return this instanceof Received;
    }

    /**
     * The value received.
     *
     * @throws NoSuchElementException if nothing was received
     */
    default T value() {
        throw new NoSuchElementException("nothing was received: " + this);
    }

    /**
     * A value was received.
     *
     * @param value the value
     * @param <T>   the type of the values
     */
    record Received<T>(T value) implements ReceiveResult<T> {
    }

    /**
     * Nothing was there; something may come later.
     *
     * @param <T> the type of the values
     */
    record Empty<T>() implements ReceiveResult<T> {
        private static final Empty<?> INSTANCE = new Empty<>();
    }

    /**
     * Nothing will ever come: the channel is closed and everything sent has been received.
     *
     * @param <T> the type of the values
     */
    record Disconnected<T>() implements ReceiveResult<T> {
        private static final Disconnected<?> INSTANCE = new Disconnected<>();
    }
}
