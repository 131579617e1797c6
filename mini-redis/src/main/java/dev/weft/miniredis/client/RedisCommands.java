package dev.weft.miniredis.client;

import dev.weft.Async;
import dev.weft.miniredis.frame.Frame;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * The commands of Tokio's mini-redis client, as {@link Async} operations: GET, SET (with an expiry), DEL,
 * PUBLISH and PING. {@link Client} sends them on a connection of its own, one at a time;
 * {@link SharedClient} queues them for a connection shared by many tasks.
 *
 * {@snippet :
 * static Async<Long> visit(RedisCommands redis, String page) {
 *     return Async.of(() -> {
 *         redis.set("last-visit", page, Duration.ofDays(1)).await();
 *         return redis.publish("visits", page).await();   // how many subscribers heard of it
 *     });
 * }
 * }
 *
 * <p>Keys and channels are strings, sent as UTF-8; values and messages are binary-safe byte arrays, with
 * {@code String} (UTF-8) conveniences. Arrays passed in are not copied: do not change them until the
 * operation has completed. Each method checks its arguments when it is called and returns an operation
 * that runs when awaited.
 *
 * <h2>Cancellation</h2>
 * Every command is safe to cancel in that the client stays usable and later requests get their own
 * replies (each implementing class says how). A cancelled command may or may not have been executed by
 * the server.
 */
public abstract sealed class RedisCommands permits Client, SharedClient {

    RedisCommands() {
    }

    /** Sends {@code command} and decodes its reply; an error reply is thrown by {@code decode}. */
    abstract <T> Async<T> request(String operation, Frame command, Function<Frame, T> decode);

    /**
     * An operation that returns the value of {@code key}, or empty when the key does not exist.
     *
     * <h4>Cancellation</h4>
     * Safe to cancel: the client stays usable.
     *
     * @throws RedisErrorException   if the server refuses (for example, the key holds a list)
     * @throws UncheckedIOException  if writing or reading fails, or the server closes the connection
     * @throws IllegalStateException (from {@code await}) if the client cannot take requests (see the
     *                               implementing class: closed, failed, busy, handed over)
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
     * @throws IllegalStateException (from {@code await}) if the client cannot take requests
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
     * @throws IllegalStateException    (from {@code await}) if the client cannot take requests
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
     * @throws IllegalStateException    (from {@code await}) if the client cannot take requests
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
     * @throws IllegalStateException (from {@code await}) if the client cannot take requests
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
     * @throws IllegalStateException (from {@code await}) if the client cannot take requests
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
}
