package dev.weft.miniredis.client;

import dev.weft.miniredis.server.MiniRedisServer;
import dev.weft.miniredis.server.ServerConfig;

import java.net.InetSocketAddress;

/**
 * The servers the client tests run against, the parameter of every {@code @ParameterizedClass} here. A real
 * {@code redis-server} 7 (the tests are skipped, by a JUnit assumption, where it is not installed; CI
 * installs it), and mini-redis's own server ({@code MiniRedisServer.start(...)} on port 0).
 */
public enum ServerTarget {

    /** A {@code redis-server} process on a free loopback port, without persistence. */
    REDIS_SERVER {
        @Override
        public TestServer start() {
            return RedisServerProcess.start();
        }
    },

    /** mini-redis's own server, on a runtime of its own, on an OS-chosen loopback port. */
    MINI_REDIS {
        @Override
        public TestServer start() {
            MiniRedisServer running = MiniRedisServer.start(ServerConfig.builder().bind("127.0.0.1").port(0).build());
            InetSocketAddress address = new InetSocketAddress("127.0.0.1", running.port());
            return new TestServer() {
                @Override
                public InetSocketAddress address() {
                    return address;
                }

                @Override
                public void close() {
                    running.close();
                }
            };
        }
    };

    /** Starts a fresh server of this kind. */
    public abstract TestServer start();
}
