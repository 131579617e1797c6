package dev.weft.miniredis.client;

import dev.weft.Async;
import dev.weft.miniredis.frame.Frame;
import dev.weft.miniredis.frame.ProtocolException;
import dev.weft.sync.ChannelClosedException;
import dev.weft.sync.Mpsc;
import dev.weft.sync.ReceiveResult;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/*
 * Implementation notes.
 *
 * The task behind a SharedClient, Tokio mini-redis's buffered_client: it owns the connection and serves
 * the requests that the handles queue in an Mpsc channel, each with a Oneshot for its reply. It takes
 * every request waiting in the queue (up to MAX_BATCH) at once, writes them with one write, then reads
 * their replies in order and hands each to its requester: requests queued together are pipelined, and a
 * hundred tasks sharing the connection cost one write and a few reads per batch instead of a round trip
 * each. A request whose requester has given up (closed its reply receiver: cancelled) before its batch
 * is written is skipped.
 *
 * It ends when every handle is closed and the queue is empty (receiveMany returns 0), or on the first
 * I/O or protocol failure, or when cancelled (runtime shutdown). Then it records the failure (a volatile
 * write before the channels close, so a requester that sees its reply channel closed sees the failure),
 * closes the request queue, closes the reply channel of every request not served (their requesters get
 * ChannelClosedException and report the failure), and closes the connection. I/O and protocol failures
 * are not rethrown: every requester has been told, so the runtime has nothing to report; a cancellation
 * is, so that the task unwinds as cancelled.
 */

/** The connection task of a {@link SharedClient}. See the implementation notes. */
final class SharedConnection {

    static final int MAX_BATCH = 256;

    private final Connection connection;
    private final Mpsc.Receiver<SharedRequest> requests;
    private volatile RuntimeException failure;

    SharedConnection(Connection connection, Mpsc.Receiver<SharedRequest> requests) {
        this.connection = connection;
        this.requests = requests;
    }

    /** The task's body; the connection's operation guard is held by the caller and released at the end. */
    Async<Void> run() {
        return Async.run(() -> {
            List<SharedRequest> batch = new ArrayList<>();
            try {
                while (requests.receiveMany(batch, MAX_BATCH).await() > 0) {
                    serve(batch);
                    batch.clear();
                }
            } catch (RuntimeException e) {
                failure = e;
                if (!(e instanceof UncheckedIOException || e instanceof ProtocolException)) {
                    throw e;   // a cancellation unwinds; anything else is a bug the runtime should report
                }
            } finally {
                stop(batch);
            }
        });
    }

    private void serve(List<SharedRequest> batch) {
        batch.removeIf(request -> request.reply().isClosed());
        if (batch.isEmpty()) {
            return;
        }
        List<Frame> commands = new ArrayList<>(batch.size());
        for (SharedRequest request : batch) {
            commands.add(request.command());
        }
        connection.send(commands);
        for (SharedRequest request : batch) {
            request.reply().send(connection.receive());
        }
    }

    private void stop(List<SharedRequest> unserved) {
        requests.close();
        for (SharedRequest request : unserved) {
            request.reply().close();
        }
        for (ReceiveResult<SharedRequest> queued; (queued = requests.tryReceive()).isReceived(); ) {
            queued.value().reply().close();
        }
        connection.close();
        connection.release();
    }

    /**
     * What a requester throws when its request could not be queued or answered because this task has
     * stopped: the failure that stopped it, or, when it stopped without one, an {@link IllegalStateException}.
     */
    RuntimeException stopped(ChannelClosedException cause) {
        RuntimeException failed = failure;
        if (failed instanceof UncheckedIOException io) {
            return new UncheckedIOException("the shared connection failed: " + io.getMessage(), io.getCause());
        }
        if (failed != null) {
            return new IllegalStateException("the shared connection failed: " + failed, failed);
        }
        return new IllegalStateException("the shared connection has stopped", cause);
    }
}
