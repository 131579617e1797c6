package dev.weft.miniredis.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Loopback ports for tests. */
public final class LoopbackPorts {

    private LoopbackPorts() {
    }

    /**
     * A loopback port nobody listens on right now: one the system just handed out and took back. A server
     * may bind it (another process could take it first: callers retry), and a connection to it is refused.
     */
    public static int unused() {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
