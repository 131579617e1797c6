package dev.weft.miniredis.client;

import dev.weft.Async;
import dev.weft.Weft;
import dev.weft.miniredis.frame.Frame;
import dev.weft.miniredis.frame.ProtocolException;
import dev.weft.sync.ChannelClosedException;
import dev.weft.sync.Mpsc;
import dev.weft.sync.Oneshot;

import java.io.UncheckedIOException;
import java.net.SocketAddress;
import java.util.Objects;
import java.util.function.Function;

/**
 * One connection shared by many tasks: Tokio mini-redis's {@code buffered_client}. A connection task owns
 * the {@link Client}'s connection; each handle sends its requests to that task over an {@link Mpsc} channel,
 * with a {@link Oneshot} for the reply, so any number of tasks may issue requests at the same time
 * through handles of one connection. Requests queued together are written with one write and their
 * replies read in order (pipelining).
 *
 * {@snippet :
 * SharedClient shared = SharedClient.connect(address).await();
 * try (TaskScope scope = TaskScope.open()) {
 *     for (int i = 0; i < 100; i++) {
 *         SharedClient handle = shared.newHandle();
 *         String key = "key-" + i;
 *         scope.fork(Async.run(() -> {
 *             try (handle) {
 *                 handle.set(key, "value").await();
 *             }
 *         }));
 *     }
 *     scope.join().await();
 * } finally {
 *     shared.close();   // the last handle: the connection closes once the queue is served
 * }
 * }
 *
 * <p>Handles: {@link #newHandle()} makes another handle to the same connection (Tokio clones the client);
 * a handle is thread-safe, so tasks may also share one. The commands are those of {@link RedisCommands}:
 * {@link Client}'s without {@code subscribe} (a subscribed connection cannot serve other requests: use a
 * {@link Client} of its own).
 *
 * <p>Closing: <b>every handle must be closed</b> ({@link #close()}, best with try-with-resources). Once
 * the last one is closed, the connection task serves the requests already queued, then closes the
 * connection and ends. A closed handle refuses requests ({@link IllegalStateException}).
 *
 * <p>Failures: an error reply fails only its own request ({@link RedisErrorException}). An I/O or
 * protocol failure stops the connection: the request being served and every request queued or made
 * later fail, with an {@link UncheckedIOException} (I/O) or an {@link IllegalStateException} whose cause is
 * the failure ({@link ProtocolException} for a malformed reply). The same happens when the runtime shuts
 * down.
 *
 * <h2>Cancellation</h2>
 * Cancelling a request is safe for the connection and for every other request: a request cancelled
 * while it waits for room in the queue was not queued; one cancelled after it was queued is skipped if
 * its batch has not been written yet, else it runs and its reply is dropped. Either way the caller cannot
 * tell whether the server executed it.
 */
public final class SharedClient extends RedisCommands implements AutoCloseable {

    /** How many requests may wait in the queue by default; more wait for room. */
    public static final int DEFAULT_QUEUE_CAPACITY = 1024;

    private final Mpsc.Sender<SharedRequest> requests;
    private final SharedConnection connection;
    private volatile boolean closed;

    private SharedClient(Mpsc.Sender<SharedRequest> requests, SharedConnection connection) {
        this.requests = requests;
        this.connection = connection;
    }

    /**
     * Takes over {@code client}'s connection and starts the connection task on the current runtime;
     * returns the first handle. From then on {@code client} refuses requests, and closing it closes the
     * shared connection.
     *
     * @throws IllegalStateException if called outside a Weft task, or {@code client} is in use, closed,
     *                               failed or already handed over
     */
    public static SharedClient start(Client client) {
        return start(client, DEFAULT_QUEUE_CAPACITY);
    }

    /**
     * Like {@link #start(Client)} with a queue of {@code queueCapacity} requests.
     *
     * @throws IllegalArgumentException if {@code queueCapacity <= 0}
     */
    public static SharedClient start(Client client, int queueCapacity) {
        Objects.requireNonNull(client, "client");
        if (!Weft.inTask()) {
            throw new IllegalStateException("SharedClient.start was called outside a Weft task: it spawns the"
                    + " connection task on the current runtime");
        }
        Mpsc.Channel<SharedRequest> channel = Mpsc.bounded(queueCapacity);
        Connection taken = client.handOverToSharedClient();
        SharedConnection connection = new SharedConnection(taken, channel.receiver());
        Weft.spawn("mini-redis shared connection", connection.run());
        return new SharedClient(channel.sender(), connection);
    }

    /**
     * An operation that connects to {@code address} and starts a shared connection there; see
     * {@link #start(Client)}.
     *
     * @throws UncheckedIOException if the connection is refused or fails
     */
    public static Async<SharedClient> connect(SocketAddress address) {
        return Client.connect(address).map(SharedClient::start);
    }

    /**
     * Another handle to the same connection, to be closed on its own.
     *
     * @throws IllegalStateException if this handle is closed
     */
    public SharedClient newHandle() {
        requireOpen("newHandle");
        return new SharedClient(requests.newSender(), connection);
    }

    /**
     * Closes this handle; the connection closes once every handle is closed and the queued requests are
     * served. Idempotent.
     */
    @Override
    public void close() {
        closed = true;
        requests.close();
    }

    /**
     * Queues {@code command} and waits for its reply. Throws {@link IllegalStateException} when this handle
     * is closed, and the connection's failure when it has stopped.
     */
    @Override
    <T> Async<T> request(String operation, Frame command, Function<Frame, T> decode) {
        return Async.of(() -> {
            requireOpen(operation);
            Oneshot.Channel<Frame> reply = Oneshot.create();
            try (Oneshot.Receiver<Frame> receiver = reply.receiver()) {
                requests.send(new SharedRequest(command, reply.sender())).await();
                return decode.apply(receiver.receive().await());
            } catch (ChannelClosedException stopped) {
                throw connection.stopped(stopped);
            }
        });
    }

    private void requireOpen(String operation) {
        if (closed) {
            throw new IllegalStateException(operation + " on a closed SharedClient handle");
        }
    }

    @Override
    public String toString() {
        return "SharedClient[" + (closed ? "closed" : "open") + "]";
    }
}
