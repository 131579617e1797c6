package dev.weft.miniredis.cmd;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The server's counters, updated by the connections and read by {@code INFO}, plus the source of client
 * ids. Thread-safe.
 *
 * {@snippet :
 * ServerStats stats = server.stats();
 * stats.connectionOpened();
 * long id = stats.nextClientId();
 * }
 */
public final class ServerStats {

    private final AtomicLong nextClientId = new AtomicLong(1);
    private final AtomicInteger connectedClients = new AtomicInteger();
    private final AtomicLong connectionsReceived = new AtomicLong();
    private final AtomicLong connectionsRejected = new AtomicLong();
    private final AtomicLong commandsProcessed = new AtomicLong();

    /** A new client id: 1, 2, 3, ... */
    public long nextClientId() {
        return nextClientId.getAndIncrement();
    }

    /** Counts an accepted connection, now open. */
    public void connectionOpened() {
        connectionsReceived.incrementAndGet();
        connectedClients.incrementAndGet();
    }

    /** Counts the end of a connection {@link #connectionOpened()} counted. */
    public void connectionClosed() {
        connectedClients.decrementAndGet();
    }

    /** Counts a connection refused because of the connection limit. */
    public void connectionRejected() {
        connectionsRejected.incrementAndGet();
    }

    /** Counts {@code count} executed commands. */
    public void commandsProcessed(long count) {
        commandsProcessed.addAndGet(count);
    }

    /** Connections open now. */
    public int connectedClients() {
        return connectedClients.get();
    }

    /** Connections accepted since the start. */
    public long connectionsReceived() {
        return connectionsReceived.get();
    }

    /** Connections refused since the start. */
    public long connectionsRejected() {
        return connectionsRejected.get();
    }

    /** Commands executed since the start. */
    public long commandsProcessed() {
        return commandsProcessed.get();
    }
}
