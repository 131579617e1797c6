package dev.weft.miniredis.client;

import dev.weft.Async;
import dev.weft.miniredis.frame.Frame;
import dev.weft.miniredis.frame.ProtocolException;
import dev.weft.net.TcpStream;

import java.io.UncheckedIOException;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A connection to a Redis server (Redis 7, or Weft's mini-redis) and the commands of Tokio's mini-redis
 * client: GET, SET (with an expiry), DEL, PUBLISH, PING and SUBSCRIBE. Every command is an {@link Async}
 * that sends the request, written whole with one write, and returns the decoded reply.
 *
 * {@snippet :
 * AsyncRuntime.run(() -> {
 *     try (Client client = Client.connect("127.0.0.1", 6379).await()) {
 *         client.set("hello", "world").await();
 *         Optional<String> value = client.getString("hello").await();   // Optional[world]
 *     }
 * });
 * }
 *
 * <p>Keys and channels are strings, sent as UTF-8; values and messages are binary-safe byte arrays, with
 * {@code String} (UTF-8) conveniences. Arrays passed in are not copied: do not change them until the
 * operation has completed.
 *
 * <p><b>One request at a time.</b> A client is one connection used by one task at a time, like Tokio's
 * ({@code &mut self}): a request started while another is in progress throws
 * {@link IllegalStateException}. To share one connection between many tasks, hand the client to a
 * {@link SharedClient}; from threads outside a runtime, use {@link BlockingClient}.
 *
 * <p>Failures: an error reply is thrown as {@link RedisErrorException} (the connection stays usable); I/O
 * failures, and the server closing the connection, as {@link UncheckedIOException}; a reply that is not
 * valid RESP, or not what the command expects, as {@link ProtocolException}. After an I/O or protocol
 * failure the connection is closed and every later request throws {@link IllegalStateException} naming
 * the failure.
 *
 * <h2>Cancellation</h2>
 * A cancelled request (a timeout, an abort) leaves the client usable: either none of it had been written,
 * and it is withdrawn, or it reached the server (which may have executed it), and its reply is read and
 * dropped before the next request's. The next request always gets its own reply. {@link #subscribe} is
 * the exception: see there.
 */
public final class Client implements AutoCloseable {

    private static final String NAME = "Client";

    private final Connection connection;
    private volatile String handedTo;

    private Client(Connection connection) {
        this.connection = connection;
    }

    /**
     * An operation that connects to the server at {@code address}, with TCP_NODELAY on.
     *
     * <h4>Cancellation</h4>
     * A cancelled connect closes its socket.
     *
     * @throws UncheckedIOException if the connection is refused or fails
     */
    public static Async<Client> connect(SocketAddress address) {
        Objects.requireNonNull(address, "address");
        return Connection.open(TcpStream.connect(address)).map(Client::new);
    }

    /**
     * An operation that resolves {@code host} and connects to {@code port} on it, trying its addresses in
     * turn.
     *
     * <h4>Cancellation</h4>
     * A cancelled connect closes its socket.
     *
     * @throws UncheckedIOException     if the name does not resolve or no address accepts the connection
     * @throws IllegalArgumentException if {@code port} is not within 0..65535
     */
    public static Async<Client> connect(String host, int port) {
        Objects.requireNonNull(host, "host");
        return Connection.open(TcpStream.connect(host, port)).map(Client::new);
    }

    /**
     * An operation that returns the value of {@code key}, or empty when the key does not exist.
     *
     * <h4>Cancellation</h4>
     * Safe to cancel: the client stays usable (see the class documentation).
     *
     * @throws RedisErrorException   if the server refuses (for example, the key holds a list)
     * @throws UncheckedIOException  if writing or reading fails, or the server closes the connection
     * @throws IllegalStateException (from {@code await}) if another request is in progress, or the client
     *                               is closed, failed, or became a {@link Subscriber}
     */
    public Async<Optional<byte[]>> get(String key) {
        return request("get", Requests.get(key), Replies::value);
    }

    /** Like {@link #get}, decoding the value as UTF-8. */
    public Async<Optional<String>> getString(String key) {
        return get(key).map(value -> value.map(bytes -> new String(bytes, StandardCharsets.UTF_8)));
    }

    /**
     * An operation that sets {@code key} to {@code value}, without an expiry (any earlier expiry of the key
     * is dropped, as SET does).
     *
     * <h4>Cancellation</h4>
     * Safe to cancel: the client stays usable; the key may or may not have been set.
     *
     * @throws RedisErrorException   if the server refuses
     * @throws UncheckedIOException  if writing or reading fails, or the server closes the connection
     * @throws IllegalStateException (from {@code await}) if another request is in progress, or the client
     *                               is closed, failed, or became a {@link Subscriber}
     */
    public Async<Void> set(String key, byte[] value) {
        return request("set", Requests.set(key, value), Replies::ok);
    }

    /** Like {@link #set(String, byte[])} with the UTF-8 bytes of {@code value}. */
    public Async<Void> set(String key, String value) {
        return set(key, Requests.utf8(value, "value"));
    }

    /**
     * An operation that sets {@code key} to {@code value} for {@code expiry}, after which the server
     * deletes it ({@code SET key value PX ms}; the expiry is rounded up to whole milliseconds).
     *
     * <h4>Cancellation</h4>
     * Safe to cancel: the client stays usable; the key may or may not have been set.
     *
     * @throws IllegalArgumentException if {@code expiry} is zero or negative
     * @throws RedisErrorException      if the server refuses (for example, an expiry so long that the
     *                                  deadline overflows: {@code ERR invalid expire time in 'set' command})
     * @throws UncheckedIOException     if writing or reading fails, or the server closes the connection
     * @throws IllegalStateException    (from {@code await}) if another request is in progress, or the
     *                                  client is closed, failed, or became a {@link Subscriber}
     */
    public Async<Void> set(String key, byte[] value, Duration expiry) {
        return request("set", Requests.set(key, value, expiry), Replies::ok);
    }

    /** Like {@link #set(String, byte[], Duration)} with the UTF-8 bytes of {@code value}. */
    public Async<Void> set(String key, String value, Duration expiry) {
        return set(key, Requests.utf8(value, "value"), expiry);
    }

    /**
     * An operation that deletes {@code keys} and returns how many of them existed.
     *
     * <h4>Cancellation</h4>
     * Safe to cancel: the client stays usable; the keys may or may not have been deleted.
     *
     * @throws IllegalArgumentException if no key is given
     * @throws RedisErrorException      if the server refuses
     * @throws UncheckedIOException     if writing or reading fails, or the server closes the connection
     * @throws IllegalStateException    (from {@code await}) if another request is in progress, or the
     *                                  client is closed, failed, or became a {@link Subscriber}
     */
    public Async<Long> del(String... keys) {
        return request("del", Requests.del(keys), reply -> Replies.integer("DEL", reply));
    }

    /**
     * An operation that publishes {@code message} on {@code channel} and returns how many subscribers
     * received it.
     *
     * <h4>Cancellation</h4>
     * Safe to cancel: the client stays usable; the message may or may not have been published.
     *
     * @throws RedisErrorException   if the server refuses
     * @throws UncheckedIOException  if writing or reading fails, or the server closes the connection
     * @throws IllegalStateException (from {@code await}) if another request is in progress, or the client
     *                               is closed, failed, or became a {@link Subscriber}
     */
    public Async<Long> publish(String channel, byte[] message) {
        return request("publish", Requests.publish(channel, message), reply -> Replies.integer("PUBLISH", reply));
    }

    /** Like {@link #publish(String, byte[])} with the UTF-8 bytes of {@code message}. */
    public Async<Long> publish(String channel, String message) {
        return publish(channel, Requests.utf8(message, "message"));
    }

    /**
     * An operation that pings the server and returns its answer, {@code "PONG"}.
     *
     * <h4>Cancellation</h4>
     * Safe to cancel: the client stays usable.
     *
     * @throws RedisErrorException   if the server refuses
     * @throws UncheckedIOException  if writing or reading fails, or the server closes the connection
     * @throws IllegalStateException (from {@code await}) if another request is in progress, or the client
     *                               is closed, failed, or became a {@link Subscriber}
     */
    public Async<String> ping() {
        return request("ping", Requests.ping(), reply -> new String(Replies.pong(reply), StandardCharsets.UTF_8));
    }

    /** Like {@link #ping()} with a message, which the server sends back. */
    public Async<byte[]> ping(byte[] message) {
        return request("ping", Requests.ping(message), Replies::pong);
    }

    /** Like {@link #ping(byte[])} with the UTF-8 bytes of {@code message}, decoding the answer as UTF-8. */
    public Async<String> ping(String message) {
        return ping(Requests.utf8(message, "message")).map(echo -> new String(echo, StandardCharsets.UTF_8));
    }

    /**
     * An operation that subscribes to {@code channels} and turns this client's connection into a
     * {@link Subscriber}, as Tokio's mini-redis does: from then on this client refuses requests (they throw
     * {@link IllegalStateException}), and the connection belongs to the subscriber. Closing this client
     * closes the subscriber's connection too.
     *
     * <h4>Cancellation</h4>
     * Not cancel-safe: the client is handed over when the operation starts, so a cancelled (or failed)
     * subscribe leaves it unusable; close it.
     *
     * @throws IllegalArgumentException if no channel is given
     * @throws NullPointerException     if a channel is null
     * @throws RedisErrorException      if the server refuses
     * @throws UncheckedIOException     if writing or reading fails, or the server closes the connection
     * @throws IllegalStateException    (from {@code await}) if another request is in progress, or the
     *                                  client is closed, failed, or already handed over
     */
    public Async<Subscriber> subscribe(String... channels) {
        List<String> names = List.of(channels);
        Requests.subscribe(names);
        return Async.of(() -> {
            Connection held = handOver("subscribe", "turned into a Subscriber");
            try {
                Subscriber subscriber = new Subscriber(held);
                subscriber.subscribeHeld(names);
                return subscriber;
            } finally {
                held.release();
            }
        });
    }

    /**
     * Takes this client's connection for a {@link SharedClient}; the caller must release it. From then on
     * this client refuses requests.
     */
    Connection handOverToSharedClient() {
        return handOver("SharedClient.start", "handed to a SharedClient");
    }

    private Connection handOver(String operation, String what) {
        acquire(operation);
        handedTo = what;
        return connection;
    }

    /** Closes the connection (a subscriber's too, after {@link #subscribe}). Idempotent. */
    @Override
    public void close() {
        connection.close();
    }

    private <T> Async<T> request(String operation, Frame request, Function<Frame, T> decode) {
        return Async.of(() -> {
            acquire(operation);
            try {
                connection.send(request);
                return decode.apply(connection.receive());
            } finally {
                connection.release();
            }
        });
    }

    /** Starts a request; the hand-over is checked before (for its message) and after (for a racing one). */
    private void acquire(String operation) {
        requireNotHandedOver(operation);
        connection.acquire(operation, NAME);
        try {
            requireNotHandedOver(operation);
        } catch (IllegalStateException e) {
            connection.release();
            throw e;
        }
    }

    private void requireNotHandedOver(String operation) {
        String handed = handedTo;
        if (handed != null) {
            throw new IllegalStateException(operation + " on a client that was " + handed
                    + ": use that, or connect another client");
        }
    }

    @Override
    public String toString() {
        return "Client[" + connection + "]";
    }
}
