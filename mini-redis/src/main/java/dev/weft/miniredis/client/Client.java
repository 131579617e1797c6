package dev.weft.miniredis.client;

import dev.weft.Async;
import dev.weft.miniredis.frame.Frame;
import dev.weft.miniredis.frame.ProtocolException;
import dev.weft.net.TcpStream;

import java.io.UncheckedIOException;
import java.net.SocketAddress;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A connection to a Redis server (Redis 7, or Weft's mini-redis) and the commands of Tokio's mini-redis
 * client: those of {@link RedisCommands} (GET, SET with an expiry, DEL, PUBLISH, PING) and
 * {@link #subscribe SUBSCRIBE}. Every command is an {@link Async} that sends the request, written whole with
 * one write, and returns the decoded reply.
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
public final class Client extends RedisCommands implements AutoCloseable {

    private static final String NAME = "Client";
    private static final String ONE_AT_A_TIME =
            "a Client serves one request at a time (share one connection between tasks with SharedClient)";

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
        Frame.Array request = Requests.subscribe(names);
        return Async.of(() -> {
            Connection held = handOver("subscribe", "turned into a Subscriber");
            try {
                Subscriber subscriber = new Subscriber(held);
                subscriber.subscribeHeld(request, names);
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

    @Override
    <T> Async<T> request(String operation, Frame request, Function<Frame, T> decode) {
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
        connection.acquire(operation, NAME, ONE_AT_A_TIME);
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
