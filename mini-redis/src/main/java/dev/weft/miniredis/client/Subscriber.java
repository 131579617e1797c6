package dev.weft.miniredis.client;

import dev.weft.Async;
import dev.weft.miniredis.frame.Frame;
import dev.weft.miniredis.frame.ProtocolException;
import dev.weft.stream.AsyncStream;

import java.io.EOFException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A connection in subscribed mode, receiving the messages published on its channels: what
 * {@link Client#subscribe} turns a client into, as in Tokio's mini-redis. It can subscribe to more
 * channels, unsubscribe, and read messages, in the order the server published them.
 *
 * {@snippet :
 * Subscriber subscriber = client.subscribe("news", "weather").await();
 * Optional<Message> next;
 * while ((next = subscriber.nextMessage().await()).isPresent()) {   // empty once the server closes
 *     Message message = next.get();
 *     System.out.println(message.channel() + ": " + message.contentUtf8());
 * }
 * }
 *
 * <p>One operation at a time: a subscriber is used by one task at a time (a second operation started
 * while one is in progress throws {@link IllegalStateException}). {@link #subscribedChannels()} and
 * {@link #close()} may be called from any thread; closing ends a pending {@link #nextMessage()} with an
 * empty result.
 *
 * <p>Failures: an error reply is thrown as {@link RedisErrorException}, a frame that is neither a message
 * nor an expected confirmation as {@link ProtocolException}, I/O failures as
 * {@link UncheckedIOException}. After a protocol or I/O failure the connection is closed and every later
 * operation throws {@link IllegalStateException}.
 *
 * <h2>Cancellation</h2>
 * {@link #nextMessage()} is cancel-safe: a message is taken only when it is returned, so a cancelled call
 * (a timeout, a lost select) loses none. {@link #subscribe} and {@link #unsubscribe} are not: a cancelled
 * call may or may not have reached the server. The subscriber stays consistent either way: confirmations
 * that arrive later are applied by the next operation, and {@link #subscribedChannels()} always shows what
 * the server has confirmed.
 */
public final class Subscriber implements AutoCloseable {

    private static final String NAME = "Subscriber";
    private static final String ONE_AT_A_TIME = "a Subscriber serves one operation at a time";

    private final Connection connection;
    private final SubscriptionState state = new SubscriptionState();

    Subscriber(Connection connection) {
        this.connection = connection;
    }

    /**
     * Subscribes on a connection whose operation guard the caller holds (a client turning into this
     * subscriber).
     */
    void subscribeHeld(Frame.Array request, List<String> channels) {
        change(request, state.expectSubscribed(channels));
    }

    /**
     * An operation that waits for the next message and returns it, or returns empty once the server has
     * closed the connection or this subscriber was closed. Messages that arrived while a
     * {@link #subscribe}/{@link #unsubscribe} call waited for its confirmations come first.
     *
     * <h4>Cancellation</h4>
     * Cancel-safe: a cancelled call has taken no message.
     *
     * @throws RedisErrorException   if the server sends an error reply
     * @throws ProtocolException     if the server sends something that is not a message or a confirmation
     * @throws UncheckedIOException  if reading fails, or the connection ends inside a frame
     * @throws IllegalStateException if another operation is in progress, or the connection failed earlier
     */
    public Async<Optional<Message>> nextMessage() {
        return Async.of(() -> {
            try {
                connection.acquire("nextMessage", NAME, ONE_AT_A_TIME);
            } catch (IllegalStateException unusable) {
                if (connection.isClosed()) {
                    return Optional.empty();
                }
                throw unusable;
            }
            try {
                return receiveMessage();
            } catch (UncheckedIOException e) {
                if (connection.isClosed()) {
                    return Optional.empty();
                }
                throw e;
            } finally {
                connection.release();
            }
        });
    }

    private Optional<Message> receiveMessage() {
        Message early = state.takeEarly();
        if (early != null) {
            return Optional.of(early);
        }
        while (true) {
            Optional<Frame> frame = connection.nextPush();
            if (frame.isEmpty()) {
                return Optional.empty();
            }
            Message message = state.apply(frame.get());
            if (message != null) {
                return Optional.of(message);
            }
        }
    }

    /**
     * The messages as a stream: each {@code next()} is a {@link #nextMessage()}; the stream ends when the
     * connection closes.
     *
     * {@snippet :
     * List<String> firstTwo = subscriber.messages()
     *         .map(Message::contentUtf8)
     *         .take(2)
     *         .toList()
     *         .await();
     * }
     *
     * <h4>Cancellation</h4>
     * Cancel-safe, as {@link #nextMessage()}.
     */
    public AsyncStream<Message> messages() {
        return this::nextMessage;
    }

    /**
     * An operation that subscribes to more channels and returns once the server has confirmed each.
     * Subscribing to a channel already subscribed to is harmless.
     *
     * <h4>Cancellation</h4>
     * Not cancel-safe: a cancelled call may or may not have subscribed (see the class documentation).
     *
     * @throws IllegalArgumentException if no channel is given
     * @throws NullPointerException     if a channel is null
     * @throws RedisErrorException      if the server refuses
     * @throws UncheckedIOException     if writing or reading fails, or the server closes the connection first
     * @throws IllegalStateException    (from {@code await}) if another operation is in progress, or the
     *                                  subscriber is closed or failed
     */
    public Async<Void> subscribe(String... channels) {
        List<String> names = List.of(channels);
        Frame.Array request = Requests.subscribe(names);
        return operation("subscribe", () -> change(request, state.expectSubscribed(names)));
    }

    /**
     * An operation that unsubscribes from {@code channels}, or from every channel when none is given, and
     * returns once the server has confirmed. Messages already on their way from an unsubscribed channel
     * are still delivered by {@link #nextMessage()}. With no channel left the connection stays a
     * subscriber, and {@link #nextMessage()} waits until a {@link #subscribe} brings messages again.
     *
     * <h4>Cancellation</h4>
     * Not cancel-safe: a cancelled call may or may not have unsubscribed (see the class documentation).
     *
     * @throws NullPointerException  if a channel is null
     * @throws RedisErrorException   if the server refuses
     * @throws UncheckedIOException  if writing or reading fails, or the server closes the connection first
     * @throws IllegalStateException (from {@code await}) if another operation is in progress, or the
     *                               subscriber is closed or failed
     */
    public Async<Void> unsubscribe(String... channels) {
        List<String> names = List.of(channels);
        Frame.Array request = Requests.unsubscribe(names);
        return operation("unsubscribe", () -> change(request, state.expectUnsubscribed(names)));
    }

    /**
     * The channels the server has confirmed this connection is subscribed to, in the order they were
     * subscribed: an unmodifiable snapshot. May be called from any thread.
     */
    public Set<String> subscribedChannels() {
        return state.channels();
    }

    /** Closes the connection; a pending {@link #nextMessage()} returns empty. Idempotent. */
    @Override
    public void close() {
        connection.close();
    }

    private Async<Void> operation(String name, Runnable body) {
        return Async.of(() -> {
            connection.acquire(name, NAME, ONE_AT_A_TIME);
            try {
                body.run();
                return null;
            } finally {
                connection.release();
            }
        });
    }

    /** Sends a (un)subscribe request and reads until its confirmations are in, keeping early messages. */
    private void change(Frame.Array request, SubscriptionState.Expectation expectation) {
        connection.sendSubscription(request, () -> state.withdraw(expectation));
        while (!expectation.isComplete()) {
            Optional<Frame> frame = connection.nextPush();
            if (frame.isEmpty()) {
                throw new UncheckedIOException(new EOFException("the server closed the connection before confirming"));
            }
            Message message = state.apply(frame.get());
            if (message != null) {
                state.keepEarly(message);
            }
        }
    }

    @Override
    public String toString() {
        return "Subscriber[" + state.channels() + ", " + connection + "]";
    }
}
