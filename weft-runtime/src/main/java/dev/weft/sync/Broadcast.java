package dev.weft.sync;

import dev.weft.Async;
import dev.weft.stream.AsyncStream;

import java.time.Duration;
import java.util.Optional;

/**
 * A multi-producer, multi-consumer channel where every receiver sees every value: Tokio's
 * {@code tokio::sync::broadcast}, the fan-out of pub/sub. The channel keeps the last {@code capacity}
 * values; a receiver reads them at its own pace, from the value sent right after it subscribed.
 *
 * <p>Senders never wait. A receiver that falls more than {@code capacity} values behind loses the oldest
 * ones it had not read: its next receive throws {@link Lagged} with the number it missed, and the one after
 * continues with the oldest value still kept. Every receiver gets the same object (values are shared,
 * not copied, so they should be immutable). Values may not be null.
 *
 * {@snippet :
 * AsyncRuntime.run(() -> {
 *     Broadcast.Channel<String> channel = Broadcast.create(16);
 *     Broadcast.Receiver<String> first = channel.receiver();
 *     Broadcast.Receiver<String> second = channel.sender().subscribe();
 *     channel.sender().send("hello");
 *     channel.sender().close();                                  // the end of the stream
 *     System.out.println(first.receive().await());               // Optional[hello]
 *     System.out.println(second.receive().await());              // Optional[hello]
 *     System.out.println(second.receive().await());              // Optional.empty
 * });
 * }
 *
 * <h2>Closing</h2>
 * Every sender must be closed, as for {@link Mpsc}: receivers see the end of the stream (an empty
 * {@code Optional}) once every sender is closed and they have read every value kept. Receivers should be
 * closed too: the channel counts them ({@link Sender#send} returns the count, and drops values nobody can
 * receive).
 *
 * <h2>Cancellation</h2>
 * {@link Receiver#receive()} is cancel-safe: a cancelled receive has not moved the receiver on, so the next
 * receive returns the value it would have returned (or the {@link Lagged} it would have thrown).
 *
 * <h2>Memory consistency effects</h2>
 * Actions of a thread before it sends a value happen-before the actions that follow the receipt of that
 * value by each receiver.
 */
public final class Broadcast {

    private Broadcast() {
    }

    /**
     * A channel that keeps the last {@code capacity} values for its receivers, and one receiver.
     *
     * @throws IllegalArgumentException if {@code capacity <= 0}
     */
    public static <T> Channel<T> create(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity <= 0: " + capacity);
        }
        BroadcastRing<T> ring = new BroadcastRing<>(capacity);
        return new Channel<>(new BroadcastSender<>(ring), ring.subscribe());
    }

    /**
     * A new channel's first sender and first receiver.
     *
     * {@snippet :
     * Broadcast.Channel<Quote> quotes = Broadcast.create(1_024);
     * Broadcast.Receiver<Quote> ticker = quotes.receiver();
     * Broadcast.Receiver<Quote> recorder = quotes.sender().subscribe();
     * }
     *
     * @param sender   the sender; {@link Sender#newSender()} makes more
     * @param receiver the first receiver; {@link Sender#subscribe()} makes more
     * @param <T>      the type of the values
     */
    public record Channel<T>(Sender<T> sender, Receiver<T> receiver) {
    }

    /**
     * The sending end of a {@link Broadcast} channel. Thread-safe. Must be closed.
     *
     * {@snippet :
     * int listeners = quotes.send(quote);
     * if (listeners == 0) {
     *     unheard++;                                  // nobody subscribed: the quote was dropped
     * }
     * }
     *
     * @param <T> the type of the values
     */
    public sealed interface Sender<T> extends AutoCloseable permits BroadcastSender {

        /**
         * Sends {@code value} to every receiver; never waits. When no receiver is open, the value is
         * dropped.
         *
         * @return the number of receivers that will see the value; 0 if it was dropped
         * @throws NullPointerException  if {@code value} is null
         * @throws IllegalStateException if this sender has been closed
         */
        int send(T value);

        /**
         * A new receiver that sees the values sent from now on.
         *
         * @throws IllegalStateException if this sender has been closed
         */
        Receiver<T> subscribe();

        /**
         * Another sender to the same channel, which must be closed too.
         *
         * @throws IllegalStateException if this sender has been closed
         */
        Sender<T> newSender();

        /** The number of open receivers. */
        int receiverCount();

        /** Closes this sender; when the last one closes, receivers see the end of the stream. Idempotent. */
        @Override
        void close();
    }

    /**
     * A receiving end of a {@link Broadcast} channel, with its own position in the stream of values. A
     * receiver serves one task at a time; subscribe again for another consumer.
     *
     * {@snippet :
     * Broadcast.Receiver<Quote> forAuditor = ticker.resubscribe();   // from the next quote on
     * Weft.spawn(Async.run(() -> {
     *     try (forAuditor) {
     *         Optional<Quote> quote;
     *         while ((quote = forAuditor.receive().await()).isPresent()) {
     *             audit(quote.get());
     *         }
     *     }
     * }));
     * }
     *
     * @param <T> the type of the values
     */
    public sealed interface Receiver<T> extends AutoCloseable permits BroadcastReceiver {

        /**
         * An operation that receives the next value, waiting for one to be sent.
         *
         * <h4>Cancellation</h4>
         * Cancel-safe: a cancelled receive has not moved this receiver on.
         *
         * @return an operation whose value is the next value, or empty once every sender is closed and this
         *         receiver has read every value kept; awaiting it throws {@link Lagged} if values were lost
         *         (the receiver has then moved on to the oldest value kept)
         */
        Async<Optional<T>> receive();

        /**
         * An operation that receives the next value, waiting at most {@code timeout}.
         *
         * <h4>Cancellation</h4>
         * Cancel-safe, like {@link #receive()}.
         *
         * @return an operation whose value is {@link ReceiveResult.Received}, {@link ReceiveResult.Empty} if
         *         none came in time, or {@link ReceiveResult.Disconnected}; awaiting it throws {@link Lagged}
         *         as {@link #receive()} does
         * @throws NullPointerException     if {@code timeout} is null
         * @throws IllegalArgumentException if {@code timeout} is negative or more than 100 years
         */
        Async<ReceiveResult<T>> receive(Duration timeout);

        /**
         * Receives the next value if there is one, without waiting.
         *
         * @return {@link ReceiveResult.Received}, {@link ReceiveResult.Empty}, or
         *         {@link ReceiveResult.Disconnected} once every sender is closed and every value kept was read
         * @throws Lagged if values were lost (the receiver has then moved on to the oldest value kept)
         */
        ReceiveResult<T> tryReceive();

        /**
         * Receives the next value from a thread that is not a Weft task, blocking the thread.
         *
         * @return the value, or empty at the end of the stream
         * @throws Lagged               if values were lost
         * @throws InterruptedException if the thread is interrupted while it waits; nothing is then received
         */
        Optional<T> blockingReceive() throws InterruptedException;

        /** A new receiver of the same channel that sees the values sent from now on. */
        Receiver<T> resubscribe();

        /**
         * This receiver as a stream: each {@code next()} is a {@link #receive()}, so the stream ends when
         * every sender has closed, and a {@code next()} after a lag throws {@link Lagged} (Tokio's
         * {@code BroadcastStream} yields the lag as an item instead).
         *
         * {@snippet :
         * List<Quote> quotesOfTheDay = ticker.stream().take(3).toList().await();
         * }
         *
         * <h4>Cancellation</h4>
         * Cancel-safe like {@link #receive()}.
         */
        default AsyncStream<T> stream() {
            return this::receive;
        }

        /** Closes this receiver: it no longer counts as a receiver of the channel. Idempotent. */
        @Override
        void close();
    }
}
