package dev.weft.miniredis.server;

import dev.weft.Async;
import dev.weft.Weft;
import dev.weft.miniredis.cmd.ServerInfo;
import dev.weft.miniredis.cmd.ServerSettings;
import dev.weft.miniredis.db.Db;
import dev.weft.miniredis.db.ExpiryClock;
import dev.weft.miniredis.db.ExpiryPurger;
import dev.weft.net.TcpListener;
import dev.weft.net.TcpSocket;
import dev.weft.net.TcpStream;
import dev.weft.runtime.RuntimeHandle;
import dev.weft.runtime.RuntimeShutdownException;
import dev.weft.sync.Notify;
import dev.weft.task.CancelledException;
import dev.weft.task.JoinHandle;
import dev.weft.time.Elapsed;
import dev.weft.time.Time;

import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/*
 * Implementation notes.
 *
 * The running server inside its runtime: the listener and the task accepting from it, the keyspace and
 * its purge task, the pub/sub hub, and the set of live connections (each a task running
 * Connection.serve). Everything is made inside a task of the serving runtime, because the listener
 * registers with that runtime's I/O driver and the keyspace's clock follows that runtime's clock.
 *
 * The connection limit is checked by the accept task alone against the count of open connections
 * (ServerStats.connectedClients), which only connections ending can lower meanwhile, so it is never
 * exceeded. A refused client gets Redis's error written without waiting (it fits any socket buffer)
 * and is closed; what it had already sent is read and dropped first, so that the close sends a FIN
 * after the error rather than a reset that could destroy it.
 *
 * Accept failures other than a closed listener (for example, too many open files) are retried after a
 * pause that doubles from 10 ms to 1 s, as Tokio's mini-redis backs off, so that a descriptor shortage
 * neither spins nor stops the server.
 *
 * shutdown(): abort the accept task and wait for it (so no connection is admitted afterwards), close
 * the listener, ask every connection to close (Connection.requestClose: idle ones at once, busy ones
 * after their batch), wait until none is left or the timeout passes, then abort the rest, and stop the
 * purge task. The first call runs it in a task of its own, which every caller awaits.
 */
final class RedisService {

    private static final System.Logger LOG = System.getLogger(RedisService.class.getName());
    private static final byte[] TOO_MANY_CLIENTS = "-ERR max number of clients reached\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(10);
    private static final Duration LAST_BACKOFF = Duration.ofSeconds(1);

    private final ServerConfig config;
    private final TcpListener listener;
    private final InetSocketAddress address;
    private final Db db;
    private final ServerInfo info;
    private final PubSubHub hub = new PubSubHub();
    private final ExpiryPurger purger;
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final Notify connectionEnded = new Notify();
    private final JoinHandle<Void> acceptor;
    private final RuntimeHandle runtime = RuntimeHandle.current().orElseThrow();
    private JoinHandle<Boolean> shutdown;

    private RedisService(ServerConfig config, TcpListener listener) {
        this.config = config;
        this.listener = listener;
        this.address = (InetSocketAddress) listener.localAddress();
        this.db = new Db(new ExpiryClock());
        this.info = new ServerInfo(new ServerSettings(config.bind(), address.getPort(), config.maxConnections(), config.limits()),
                db.clock());
        this.purger = ExpiryPurger.start(db);
        this.acceptor = Weft.spawn("mini-redis acceptor " + address, Async.run(this::acceptUntilShutdown));
    }

    /** Binds the listener and starts serving in the calling task's runtime. */
    static Async<RedisService> start(ServerConfig config) {
        return Async.of(() -> {
            InetSocketAddress address = Weft.spawnBlocking(() -> new InetSocketAddress(config.bind(), config.port())).await();
            if (address.isUnresolved()) {
                throw new UncheckedIOException(new UnknownHostException(config.bind()));
            }
            TcpListener listener = new TcpSocket()
                    .setReuseAddress(true)
                    .setNoDelay(true)
                    .bind(address)
                    .listen(TcpListener.DEFAULT_BACKLOG);
            return new RedisService(config, listener);
        });
    }

    ServerConfig config() {
        return config;
    }

    Db db() {
        return db;
    }

    ServerInfo info() {
        return info;
    }

    PubSubHub hub() {
        return hub;
    }

    InetSocketAddress address() {
        return address;
    }

    int connectionCount() {
        return info.stats().connectedClients();
    }

    /** Called by a connection's task as it ends. */
    void connectionEnded(Connection connection) {
        connections.remove(connection);
        info.stats().connectionClosed();
        connectionEnded.notifyWaiters();
    }

    /**
     * Starts the graceful shutdown (once; later calls return the same task), from any thread. The task's
     * value is true when every connection closed within the configured timeout.
     */
    synchronized JoinHandle<Boolean> beginShutdown() {
        if (shutdown == null) {
            shutdown = runtime.spawn("mini-redis shutdown " + address, Async.of(this::shutDownNow));
        }
        return shutdown;
    }

    private boolean shutDownNow() {
        acceptor.abort();
        awaitEnd(acceptor);
        listener.close();
        connections.forEach(Connection::requestClose);
        boolean drained;
        try {
            Time.timeout(config.shutdownTimeout(), Async.run(this::awaitNoConnection)).await();
            drained = true;
        } catch (Elapsed late) {
            connections.forEach(Connection::abort);
            drained = false;
        }
        purger.stop().await();
        return drained;
    }

    private void awaitNoConnection() {
        Async<Void> ended = connectionEnded.notified();
        while (!connections.isEmpty()) {
            ended.await();
            ended = connectionEnded.notified();
        }
    }

    private void acceptUntilShutdown() {
        Duration backoff = FIRST_BACKOFF;
        while (true) {
            TcpStream stream;
            try {
                stream = listener.accept().await();
            } catch (RuntimeShutdownException runtimeStopping) {
                return;
            } catch (UncheckedIOException failed) {
                if (failed.getCause() instanceof ClosedChannelException) {
                    return;
                }
                LOG.log(System.Logger.Level.WARNING, "accepting a connection failed; retrying in " + backoff, failed);
                Time.sleep(backoff).await();
                Duration doubled = backoff.multipliedBy(2);
                backoff = doubled.compareTo(LAST_BACKOFF) < 0 ? doubled : LAST_BACKOFF;
                continue;
            }
            backoff = FIRST_BACKOFF;
            if (connectionCount() >= config.maxConnections()) {
                refuse(stream);
            } else {
                admit(stream);
            }
        }
    }

    private void admit(TcpStream stream) {
        Connection connection = new Connection(stream, this, info.openSession());
        connections.add(connection);
        info.stats().connectionOpened();
        connection.started(Weft.spawn("mini-redis connection " + stream.peerAddress(), connection.serve()));
    }

    private void refuse(TcpStream stream) {
        info.stats().connectionRejected();
        try (stream) {
            stream.tryWrite(ByteBuffer.wrap(TOO_MANY_CLIENTS));
            ByteBuffer discard = ByteBuffer.allocate(4096);
            while (stream.tryRead(discard.clear()) > 0) {
                // Drop what the client sent, so that closing does not reset the connection.
            }
        } catch (UncheckedIOException gone) {
            // The client has already gone.
        }
    }

    private static void awaitEnd(JoinHandle<?> task) {
        try {
            task.await();
        } catch (CancelledException expected) {
            if (!task.isFinished()) {
                throw expected;
            }
        }
    }
}
