package dev.weft.sync;

import java.util.NoSuchElementException;

/**
 * The outcome of an {@link Mpsc.Sender} send that does not wait ({@link Mpsc.Sender#trySend trySend})
 * or waits with a deadline ({@link Mpsc.Sender#send(Object, java.time.Duration) send(item, timeout)}):
 * {@link Sent}, {@link Full} or {@link Closed}. An item that was not sent comes back in the result, as
 * in Tokio's {@code TrySendError}, so the caller can retry, reroute or drop it.
 *
 * {@snippet :
 * switch (sender.trySend(job)) {
 *     case SendResult.Sent<Job> sent -> { }
 *     case SendResult.Full<Job> full -> overflow.add(full.item());
 *     case SendResult.Closed<Job> closed -> log("worker gone, dropped " + closed.item());
 * }
 * }
 *
 * @param <T> the type of the items
 */
public sealed interface SendResult<T> permits SendResult.Sent, SendResult.Full, SendResult.Closed {

    /** The result of every successful send. */
    @SuppressWarnings("unchecked")
    static <T> SendResult<T> sent() {
        return (SendResult<T>) Sent.INSTANCE;
    }

    /** True when the item was sent. */
    default boolean isSent() {
        return this instanceof Sent;
    }

    /**
     * The item that was not sent.
     *
     * @throws NoSuchElementException if the item was sent
     */
    default T item() {
        throw new NoSuchElementException("the item was sent");
    }

    /**
     * The item is in the channel.
     *
     * @param <T> the type of the items
     */
    record Sent<T>() implements SendResult<T> {
        private static final Sent<?> INSTANCE = new Sent<>();
    }

    /**
     * The channel had no free capacity (for a send with a deadline: not before the deadline).
     *
     * @param item the item, not sent
     * @param <T>  the type of the items
     */
    record Full<T>(T item) implements SendResult<T> {
    }

    /**
     * The receiver has closed; nothing can be sent any more.
     *
     * @param item the item, not sent
     * @param <T>  the type of the items
     */
    record Closed<T>(T item) implements SendResult<T> {
    }
}
