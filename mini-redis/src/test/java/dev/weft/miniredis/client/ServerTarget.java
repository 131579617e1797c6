package dev.weft.miniredis.client;

/**
 * The servers the client tests run against, the parameter of every {@code @ParameterizedClass} here. A real
 * {@code redis-server} 7 (the tests are skipped, by a JUnit assumption, where it is not installed; CI
 * installs it). mini-redis's own server is added as a second constant that starts
 * {@code MiniRedisServer.start(...)} on port 0.
 */
public enum ServerTarget {

    /** A {@code redis-server} process on a free loopback port, without persistence. */
    REDIS_SERVER {
        @Override
        public TestServer start() {
            return RedisServerProcess.start();
        }
    };

    /** Starts a fresh server of this kind. */
    public abstract TestServer start();
}
