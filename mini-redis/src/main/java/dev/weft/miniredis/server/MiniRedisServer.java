package dev.weft.miniredis.server;

import dev.weft.Async;
import dev.weft.Weft;
import dev.weft.runtime.AsyncRuntime;
import dev.weft.runtime.AsyncRuntimeBuilder;
import dev.weft.runtime.RuntimeHandle;
import dev.weft.task.JoinHandle;

import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A running mini-redis server: a Redis-compatible server (RESP2, Redis 7's replies) listening on TCP,
 * with the keyspace, key expiry, pub/sub and a graceful shutdown. Embed it in tests the way you would
 * start a real {@code redis-server}, and point any Redis client at {@link #port()}:
 *
 * {@snippet :
 * try (MiniRedisServer server = MiniRedisServer.start(ServerConfig.builder().port(0).build())) {
 *     int port = server.port();   // the port the system chose
 *     // ... connect Jedis, Lettuce, redis-cli or Weft's client to 127.0.0.1:port
 * }
 * }
 *
 * <p>{@link #start(ServerConfig)} gives the server a runtime of its own (multi-thread, one worker per
 * core unless {@link ServerConfig#workerThreads()} says otherwise), which {@link #close()} shuts down; {@link #start(ServerConfig, AsyncRuntime)} serves on a runtime
 * of yours, and {@link #bind(ServerConfig)} on the runtime of the calling task (a test on a paused clock
 * moves key expiry with {@code TestClock}):
 *
 * {@snippet :
 * MiniRedisServer server = MiniRedisServer.bind(ServerConfig.builder().port(0).build()).await();
 * try {
 *     // ... clients in tasks of this runtime
 * } finally {
 *     server.shutdown().await();
 * }
 * }
 *
 * <p>Each connection is a task that reads what the client sent, executes every complete request in it
 * and writes all their replies with one write (pipelining), with TCP_NODELAY on. Limits come from the
 * {@link ServerConfig}: past {@code maxConnections} a client gets {@code -ERR max number of clients
 * reached} and is closed; a malformed or oversized request gets {@code -ERR Protocol error: ...} and its
 * connection is closed after the reply; a subscriber that leaves more than {@code pubSubOutputLimit}
 * bytes unread is disconnected. A slow, idle or vanished client holds nothing the others need.
 *
 * <h2>Shutdown</h2>
 * {@link #shutdown()} (and {@link #close()}) stop accepting, let the commands being executed finish and
 * their replies be written, close every connection (idle and subscribed ones at once), stop the key
 * purge task, and are bounded by {@link ServerConfig#shutdownTimeout()}: connections still busy then are
 * closed regardless.
 *
 * <h2>Cancellation</h2>
 * Cancelling an await of {@link #shutdown()} does not stop the shutdown, which runs in a task of its
 * own; awaiting it again waits for the same shutdown. Cancelling an await of {@link #bind} leaves no
 * server behind only if it is cancelled before the listener is bound; a server bound is shut down with
 * its runtime.
 *
 * <h2>Thread safety</h2>
 * The methods may be called from any thread or task.
 */
public final class MiniRedisServer implements AutoCloseable {

    private final RedisService service;
    private final RuntimeHandle runtime;
    private final AsyncRuntime ownedRuntime;
    private final AtomicBoolean closed = new AtomicBoolean();

    private MiniRedisServer(RedisService service, RuntimeHandle runtime, AsyncRuntime ownedRuntime) {
        this.service = service;
        this.runtime = runtime;
        this.ownedRuntime = ownedRuntime;
    }

    /**
     * Starts a server on a runtime of its own and returns once it listens. Call it from outside any Weft
     * task (inside one, use {@link #bind}).
     *
     * @throws java.io.UncheckedIOException if the address cannot be bound (for example, the port is in use)
     * @throws IllegalStateException        if called from a Weft task
     */
    public static MiniRedisServer start(ServerConfig config) {
        Objects.requireNonNull(config, "config");
        AsyncRuntime runtime = runtimeFor(config);
        try {
            return new MiniRedisServer(runtime.blockOn(RedisService.start(config)), runtime.handle(), runtime);
        } catch (RuntimeException | Error failed) {
            runtime.close();
            throw failed;
        }
    }

    /** A multi-thread runtime with the configured workers, for a server that runs on one of its own. */
    static AsyncRuntime runtimeFor(ServerConfig config) {
        AsyncRuntimeBuilder builder = AsyncRuntime.builder().multiThread().threadNamePrefix("mini-redis-");
        if (config.workerThreads() > 0) {
            builder.workerThreads(config.workerThreads());
        }
        return builder.build();
    }

    /**
     * Starts a server on {@code runtime} and returns once it listens; {@link #close()} leaves the runtime
     * running. Call it from outside the runtime's tasks.
     *
     * @throws java.io.UncheckedIOException if the address cannot be bound
     * @throws IllegalStateException        if called from a Weft task
     */
    public static MiniRedisServer start(ServerConfig config, AsyncRuntime runtime) {
        Objects.requireNonNull(config, "config");
        return new MiniRedisServer(runtime.blockOn(RedisService.start(config)), runtime.handle(), null);
    }

    /**
     * An operation that starts a server on the runtime of the task that awaits it, completing once the
     * server listens.
     *
     * @throws java.io.UncheckedIOException if the address cannot be bound
     */
    public static Async<MiniRedisServer> bind(ServerConfig config) {
        Objects.requireNonNull(config, "config");
        return Async.of(() -> new MiniRedisServer(RedisService.start(config).await(),
                RuntimeHandle.current().orElseThrow(), null));
    }

    /** The address the server listens on, with the actual port. */
    public InetSocketAddress localAddress() {
        return service.address();
    }

    /** The port the server listens on (the one the system chose when 0 was configured). */
    public int port() {
        return service.address().getPort();
    }

    /** The configuration the server runs with. */
    public ServerConfig config() {
        return service.config();
    }

    /** The number of client connections open now. */
    public int connectionCount() {
        return service.connectionCount();
    }

    /**
     * An operation that shuts the server down gracefully (see the class documentation) and returns true
     * when every connection closed within the timeout, false when some had to be closed regardless. The
     * first call starts the shutdown; later ones wait for the same one.
     *
     * <h4>Cancellation</h4>
     * Cancel-safe: the shutdown goes on in its own task.
     */
    public Async<Boolean> shutdown() {
        return Async.of(() -> service.beginShutdown().await());
    }

    /**
     * Shuts the server down gracefully and waits for it (from a task, it awaits; from a plain thread, it
     * blocks), then shuts down the runtime {@link #start(ServerConfig)} made for it, if any. Idempotent.
     *
     * @throws IllegalStateException if the server owns its runtime and this is called from one of that
     *                               runtime's tasks
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        JoinHandle<Boolean> shutdown = service.beginShutdown();
        if (Weft.inTask()) {
            shutdown.await();
        } else {
            runtime.blockOn(shutdown);
        }
        if (ownedRuntime != null) {
            ownedRuntime.shutdown(service.config().shutdownTimeout());
        }
    }

    @Override
    public String toString() {
        return "MiniRedisServer[" + service.address() + ", " + connectionCount() + " connections]";
    }
}
