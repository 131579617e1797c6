package dev.weft.miniredis.client;

import java.net.InetSocketAddress;

/** A Redis-compatible server started for a test, listening on 127.0.0.1. */
public interface TestServer extends AutoCloseable {

    /** Where it listens. */
    InetSocketAddress address();

    /** Its port. */
    default int port() {
        return address().getPort();
    }

    /** Stops it; its connections are closed. Idempotent. */
    @Override
    void close();
}
