package dev.weft.miniredis.server;

import dev.weft.miniredis.frame.ProtocolLimits;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link MiniRedisServer} listens and what it allows: the address and port, the most connections
 * served at once, the protocol limits requests are held to, how much a subscriber may fall behind, and
 * how long a graceful shutdown may take. Build one with {@link #builder()}; every setting has Redis's
 * default.
 *
 * {@snippet :
 * ServerConfig config = ServerConfig.builder()
 *         .port(0)                                  // any free port; the server tells which
 *         .maxConnections(100)
 *         .shutdownTimeout(Duration.ofSeconds(2))
 *         .build();
 * }
 *
 * <h2>Cancellation</h2>
 * A plain value; nothing here waits.
 *
 * @param bind              the address to listen on (a literal or a host name); {@code 127.0.0.1} by default
 * @param port              the port, 0 for one the system chooses; 6379 by default
 * @param maxConnections    the most connections served at once (Redis's {@code maxclients}); the next
 *                          client gets {@code -ERR max number of clients reached} and is closed; 10 000 by
 *                          default
 * @param limits            the protocol limits of requests; {@link ProtocolLimits#DEFAULT} (512 MiB bulk
 *                          strings, 1 Mi elements) by default
 * @param pubSubOutputLimit the most bytes of replies and messages that may wait for a subscribed client to
 *                          read them before it is disconnected (Redis's pubsub
 *                          {@code client-output-buffer-limit}, hard limit); 32 MiB by default
 * @param shutdownTimeout   how long a graceful shutdown waits for in-flight commands before it closes the
 *                          connections regardless; 10 seconds by default
 * @param workerThreads     the workers of the runtime {@link MiniRedisServer#start(ServerConfig)} makes for
 *                          the server, 0 for Weft's default of one per core (the default); a server given a
 *                          runtime uses that runtime's workers
 */
public record ServerConfig(String bind, int port, int maxConnections, ProtocolLimits limits,
                           long pubSubOutputLimit, Duration shutdownTimeout, int workerThreads) {

    /** The default address: the loopback interface only, as Redis's {@code protected-mode}. */
    public static final String DEFAULT_BIND = "127.0.0.1";
    /** Redis's port. */
    public static final int DEFAULT_PORT = 6379;
    /** Redis's default {@code maxclients}. */
    public static final int DEFAULT_MAX_CONNECTIONS = 10_000;
    /** Redis's hard {@code client-output-buffer-limit} for pub/sub clients: 32 MiB. */
    public static final long DEFAULT_PUBSUB_OUTPUT_LIMIT = 32L * 1024 * 1024;
    /** The default bound of a graceful shutdown. */
    public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(10);

    /**
     * @throws NullPointerException     if {@code bind}, {@code limits} or {@code shutdownTimeout} is null
     * @throws IllegalArgumentException if the port is not within 0..65535, {@code maxConnections} or
     *                                  {@code pubSubOutputLimit} is not positive, or the timeout or
     *                                  {@code workerThreads} is negative
     */
    public ServerConfig {
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(shutdownTimeout, "shutdownTimeout");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port not in 0..65535: " + port);
        }
        if (maxConnections <= 0) {
            throw new IllegalArgumentException("maxConnections <= 0: " + maxConnections);
        }
        if (pubSubOutputLimit <= 0) {
            throw new IllegalArgumentException("pubSubOutputLimit <= 0: " + pubSubOutputLimit);
        }
        if (shutdownTimeout.isNegative()) {
            throw new IllegalArgumentException("shutdownTimeout < 0: " + shutdownTimeout);
        }
        if (workerThreads < 0) {
            throw new IllegalArgumentException("workerThreads < 0: " + workerThreads);
        }
    }

    /** A builder holding the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The defaults: 127.0.0.1:6379, 10 000 connections, Redis's protocol and output limits, 10 s to shut down. */
    public static ServerConfig defaults() {
        return builder().build();
    }

    /** Builds a {@link ServerConfig}; not thread-safe. */
    public static final class Builder {
        private String bind = DEFAULT_BIND;
        private int port = DEFAULT_PORT;
        private int maxConnections = DEFAULT_MAX_CONNECTIONS;
        private ProtocolLimits limits = ProtocolLimits.DEFAULT;
        private long pubSubOutputLimit = DEFAULT_PUBSUB_OUTPUT_LIMIT;
        private Duration shutdownTimeout = DEFAULT_SHUTDOWN_TIMEOUT;
        private int workerThreads;

        private Builder() {
        }

        /** The address to listen on. */
        public Builder bind(String bind) {
            this.bind = bind;
            return this;
        }

        /** The port; 0 lets the system choose. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** The most connections served at once. */
        public Builder maxConnections(int maxConnections) {
            this.maxConnections = maxConnections;
            return this;
        }

        /** The protocol limits of requests. */
        public Builder limits(ProtocolLimits limits) {
            this.limits = limits;
            return this;
        }

        /** The most bytes a subscribed client may leave unread before it is disconnected. */
        public Builder pubSubOutputLimit(long bytes) {
            this.pubSubOutputLimit = bytes;
            return this;
        }

        /** The bound of a graceful shutdown. */
        public Builder shutdownTimeout(Duration timeout) {
            this.shutdownTimeout = timeout;
            return this;
        }

        /** The workers of the server's own runtime; 0 for one per core. */
        public Builder workerThreads(int workerThreads) {
            this.workerThreads = workerThreads;
            return this;
        }

        /**
         * The configuration.
         *
         * @throws IllegalArgumentException as the {@link ServerConfig} constructor
         */
        public ServerConfig build() {
            return new ServerConfig(bind, port, maxConnections, limits, pubSubOutputLimit, shutdownTimeout, workerThreads);
        }
    }
}
