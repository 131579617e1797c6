package dev.weft.sync;

import dev.weft.Async;
import dev.weft.stream.AsyncStream;

import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * A channel that holds one value, the latest: Tokio's {@code tokio::sync::watch}. Receivers do not queue
 * values; they read the current one whenever they like ({@link Receiver#borrow()}) and can wait for it to
 * change ({@link Receiver#changed()}). Made for configuration, state and shutdown signals, where only the
 * latest value matters. Values are shared by every reader, so they should be immutable; null is allowed.
 *
 * {@snippet :
 * AsyncRuntime.run(() -> {
 *     Watch.Channel<String> config = Watch.create("v1");
 *     Watch.Receiver<String> receiver = config.receiver();
 *     JoinHandle<String> reader = Weft.spawn(Async.of(() -> receiver.waitFor(v -> v.equals("v3")).await()));
 *     config.sender().send("v2");
 *     config.sender().send("v3");
 *     System.out.println(reader.await());            // v3
 *     System.out.println(receiver.borrow());         // v3
 *     config.sender().close();
 * });
 * }
 *
 * <p>Each receiver remembers the version it saw last: {@link Receiver#borrowAndUpdate()} and
 * {@link Receiver#changed()} mark the current value seen, {@link Receiver#borrow()} does not. A receiver
 * created by {@link Watch#create} or {@link Sender#subscribe()} has seen the value current at its creation.
 *
 * <h2>Cancellation</h2>
 * {@link Receiver#changed()} is cancel-safe: a cancelled call has marked nothing seen.
 * {@link Receiver#waitFor} is cancel-safe in that it loses no update, but the values it tested before it
 * was cancelled stay marked as seen.
 *
 * <h2>Memory consistency effects</h2>
 * Actions of a thread before it sends a value happen-before the actions of a thread after it reads that
 * value through any of the receiver's methods.
 */
public final class Watch {

    private Watch() {
    }

    /** A channel holding {@code initial} (may be null), and its first receiver. */
    public static <T> Channel<T> create(T initial) {
        WatchState<T> state = new WatchState<>(initial);
        return new Channel<>(new WatchSender<>(state), state.subscribe());
    }

    /**
     * A new channel's sender and first receiver.
     *
     * {@snippet :
     * Watch.Channel<Boolean> shutdown = Watch.create(false);
     * Watch.Receiver<Boolean> forWorker = shutdown.sender().subscribe();
     * }
     *
     * @param sender   the sender
     * @param receiver the first receiver; {@link Sender#subscribe()} makes more
     * @param <T>      the type of the value
     */
    public record Channel<T>(Sender<T> sender, Receiver<T> receiver) {
    }

    /**
     * The sending end of a {@link Watch} channel: replaces the value. Thread-safe; sends are applied one
     * at a time. Close it when done, so that receivers waiting for a change stop waiting.
     *
     * {@snippet :
     * connections.sendModify(count -> count + 1);
     * }
     *
     * @param <T> the type of the value
     */
    public sealed interface Sender<T> extends AutoCloseable permits WatchSender {

        /**
         * Replaces the value and notifies the receivers, unless there is no open receiver, in which case
         * the value is not stored.
         *
         * @return true if the value was stored; false if no receiver is open
         * @throws IllegalStateException if this sender has been closed
         */
        boolean send(T value);

        /**
         * Replaces the value and notifies the receivers, whether or not one is open.
         *
         * @return the value it replaced
         * @throws IllegalStateException if this sender has been closed
         */
        T sendReplace(T value);

        /**
         * Replaces the value with {@code update} applied to it, atomically with respect to other sends,
         * and notifies the receivers. {@code update} runs under the channel's lock, which other sends wait
         * for: it must be quick, and must not await. (Tokio's {@code send_modify} mutates the value in place; Weft's values are
         * shared with readers that take no lock, so the update makes a new one.)
         *
         * @throws IllegalStateException if this sender has been closed
         * @throws NullPointerException  if {@code update} is null
         */
        void sendModify(UnaryOperator<T> update);

        /** The current value. */
        T borrow();

        /** A new receiver that has seen the current value. */
        Receiver<T> subscribe();

        /** The number of open receivers. */
        int receiverCount();

        /**
         * Closes the sender: receivers keep the last value, and {@link Receiver#changed()} fails once they
         * have seen it. Idempotent.
         */
        @Override
        void close();
    }

    /**
     * A receiving end of a {@link Watch} channel, with its own record of the version it saw last. Serves
     * one task at a time; subscribe again for another consumer.
     *
     * {@snippet :
     * // Apply every configuration change until the sender closes.
     * try {
     *     while (true) {
     *         config.changed().await();
     *         apply(config.borrow());
     *     }
     * } catch (ChannelClosedException senderGone) {
     *     apply(config.borrow());                       // the last value stays readable
     * }
     * }
     *
     * @param <T> the type of the value
     */
    public sealed interface Receiver<T> extends AutoCloseable permits WatchReceiver {

        /** The current value, without marking it seen. */
        T borrow();

        /** The current value, marking it seen. */
        T borrowAndUpdate();

        /** True when a value newer than the one this receiver saw last is present. */
        boolean hasChanged();

        /**
         * An operation that completes once a value newer than the one this receiver saw last is present,
         * and marks it seen (read it with {@link #borrow()}). Completes at once if there is one already.
         *
         * <h4>Cancellation</h4>
         * Cancel-safe: a cancelled call has marked nothing seen.
         *
         * @return an operation that completes on a change; awaiting it throws {@link ChannelClosedException}
         *         if the sender has closed and this receiver has seen its last value
         */
        Async<Void> changed();

        /**
         * An operation that waits until the value satisfies {@code condition} and returns that value,
         * marking it seen. Tests the current value first, even if it was seen; then each new value.
         *
         * <h4>Cancellation</h4>
         * Cancel-safe as far as updates go; values tested before the cancellation stay marked seen.
         *
         * @return an operation whose value is the first value that satisfies the condition; awaiting it
         *         throws {@link ChannelClosedException} if the sender closes before one does
         * @throws NullPointerException if {@code condition} is null
         */
        Async<T> waitFor(Predicate<? super T> condition);

        /**
         * The values of this receiver as a stream (Tokio's {@code WatchStream}): first the current value,
         * then the value after each change, marking each seen; the stream ends when the sender has closed
         * and its last value was delivered. Values that change faster than the stream is read are skipped,
         * as with {@link #changed()}. The stream cannot carry null: a null value makes its {@code next()}
         * throw {@link NullPointerException}. One stream per receiver.
         *
         * {@snippet :
         * config.changes().forEach(this::apply).await();   // until the sender closes
         * }
         *
         * <h4>Cancellation</h4>
         * Cancel-safe: a cancelled {@code next()} has marked nothing seen.
         */
        AsyncStream<T> changes();

        /** True when the sender has closed. */
        boolean isClosed();

        /** Closes this receiver: it no longer counts as a receiver of the channel. Idempotent. */
        @Override
        void close();
    }
}
