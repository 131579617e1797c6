package dev.weft.miniredis.server;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Servers for tests: on 127.0.0.1, on a port the system chooses, each with a runtime of its own. */
final class TestServers {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private TestServers() {
    }

    /** A builder with port 0 and otherwise the defaults. */
    static ServerConfig.Builder config() {
        return ServerConfig.builder().port(0);
    }

    /** A server with the defaults, on a free port. */
    static MiniRedisServer start() {
        return MiniRedisServer.start(config().build());
    }

    static MiniRedisServer start(ServerConfig.Builder config) {
        return MiniRedisServer.start(config.build());
    }

    /**
     * Waits until {@code condition} holds, for what the server does after a client's last byte (closing
     * its side of a connection): polls every 5 ms, and fails after 10 seconds naming {@code what}.
     */
    static void awaitCondition(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("still not true after " + PATIENCE + ": " + what);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for: " + what, e);
            }
        }
    }
}
