package dev.weft.miniredis.client;

import dev.weft.Async;
import dev.weft.runtime.AsyncRuntime;

import java.io.UncheckedIOException;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link Client} for code that does not run in a Weft runtime (a plain {@code main}, a servlet, a JUnit
 * test): each method blocks the calling thread until the reply is in, like Tokio mini-redis's
 * {@code blocking_client}. It owns a small runtime of its own (the current-thread flavour, which runs the
 * client's I/O on the calling thread inside each call), closed with the client.
 *
 * {@snippet :
 * try (BlockingClient client = BlockingClient.connect("127.0.0.1", 6379)) {
 *     client.set("hello", "world");
 *     Optional<String> value = client.getString("hello");   // Optional[world]
 * }
 * }
 *
 * <p>One thread at a time: a call made while another thread's call is in progress throws
 * {@link IllegalStateException}. The methods may not be called from a Weft task (use {@link Client}
 * there); they throw {@link IllegalStateException}. Failures are those of the matching {@link Client}
 * methods.
 *
 * <h2>Cancellation</h2>
 * Nothing to cancel: each call runs to its end. Interrupting a thread blocked in a call does not stop it.
 */
public final class BlockingClient implements AutoCloseable {

    private final AsyncRuntime runtime;
    private final Client client;

    private BlockingClient(AsyncRuntime runtime, Client client) {
        this.runtime = runtime;
        this.client = client;
    }

    /**
     * Connects to the server at {@code address}, blocking until connected.
     *
     * @throws UncheckedIOException if the connection is refused or fails
     */
    public static BlockingClient connect(SocketAddress address) {
        Objects.requireNonNull(address, "address");
        return connect(Client.connect(address));
    }

    /**
     * Resolves {@code host} and connects to {@code port} on it, blocking until connected.
     *
     * @throws UncheckedIOException     if the name does not resolve or no address accepts the connection
     * @throws IllegalArgumentException if {@code port} is not within 0..65535
     */
    public static BlockingClient connect(String host, int port) {
        Objects.requireNonNull(host, "host");
        return connect(Client.connect(host, port));
    }

    private static BlockingClient connect(Async<Client> connecting) {
        AsyncRuntime runtime = newRuntime();
        try {
            return new BlockingClient(runtime, runtime.blockOn(connecting));
        } catch (RuntimeException | Error e) {
            runtime.close();
            throw e;
        }
    }

    /**
     * A current-thread runtime, or a one-worker multi-thread runtime where the current-thread flavour is
     * unavailable (when {@code java.lang} is not opened to Weft).
     */
    static AsyncRuntime newRuntime() {
        try {
            return AsyncRuntime.builder().currentThread().threadNamePrefix("mini-redis-client").build();
        } catch (UnsupportedOperationException withoutOwnScheduling) {
            return AsyncRuntime.builder().multiThread().workerThreads(1).threadNamePrefix("mini-redis-client").build();
        }
    }

    /** The value of {@code key}, or empty when it does not exist; see {@link Client#get}. */
    public Optional<byte[]> get(String key) {
        return runtime.blockOn(client.get(key));
    }

    /** Like {@link #get}, decoding the value as UTF-8. */
    public Optional<String> getString(String key) {
        return runtime.blockOn(client.getString(key));
    }

    /** Sets {@code key} to {@code value}; see {@link Client#set(String, byte[])}. */
    public void set(String key, byte[] value) {
        runtime.blockOn(client.set(key, value));
    }

    /** Like {@link #set(String, byte[])} with the UTF-8 bytes of {@code value}. */
    public void set(String key, String value) {
        runtime.blockOn(client.set(key, value));
    }

    /** Sets {@code key} to {@code value} for {@code expiry}; see {@link Client#set(String, byte[], Duration)}. */
    public void set(String key, byte[] value, Duration expiry) {
        runtime.blockOn(client.set(key, value, expiry));
    }

    /** Like {@link #set(String, byte[], Duration)} with the UTF-8 bytes of {@code value}. */
    public void set(String key, String value, Duration expiry) {
        runtime.blockOn(client.set(key, value, expiry));
    }

    /** Deletes {@code keys} and returns how many existed; see {@link Client#del}. */
    public long del(String... keys) {
        return runtime.blockOn(client.del(keys));
    }

    /** Publishes {@code message} and returns how many subscribers received it; see {@link Client#publish}. */
    public long publish(String channel, byte[] message) {
        return runtime.blockOn(client.publish(channel, message));
    }

    /** Like {@link #publish(String, byte[])} with the UTF-8 bytes of {@code message}. */
    public long publish(String channel, String message) {
        return runtime.blockOn(client.publish(channel, message));
    }

    /** Pings the server; returns {@code "PONG"}. */
    public String ping() {
        return runtime.blockOn(client.ping());
    }

    /** Pings the server with {@code message}, which it sends back. */
    public byte[] ping(byte[] message) {
        return runtime.blockOn(client.ping(message));
    }

    /** Like {@link #ping(byte[])} with UTF-8 text. */
    public String ping(String message) {
        return runtime.blockOn(client.ping(message));
    }

    /**
     * Subscribes to {@code channels} and turns this client into a {@link BlockingSubscriber}, which takes
     * over the connection and the runtime: this client then refuses requests, and closing either closes
     * both. See {@link Client#subscribe}.
     */
    public BlockingSubscriber subscribe(String... channels) {
        return new BlockingSubscriber(runtime, runtime.blockOn(client.subscribe(channels)));
    }

    /** Closes the connection and shuts the runtime down. Idempotent. */
    @Override
    public void close() {
        try {
            client.close();
        } finally {
            runtime.close();
        }
    }

    @Override
    public String toString() {
        return "BlockingClient[" + client + "]";
    }
}
