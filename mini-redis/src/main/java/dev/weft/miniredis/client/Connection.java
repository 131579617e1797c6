package dev.weft.miniredis.client;

import dev.weft.Async;
import dev.weft.io.ByteBuf;
import dev.weft.miniredis.frame.Frame;
import dev.weft.miniredis.frame.FrameEncoder;
import dev.weft.miniredis.frame.FrameParser;
import dev.weft.miniredis.frame.ProtocolException;
import dev.weft.miniredis.frame.ProtocolLimits;
import dev.weft.net.TcpStream;

import java.io.EOFException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/*
 * Implementation notes.
 *
 * One RESP connection to a server: requests are encoded with FrameEncoder and written with one writeAll
 * (so a batch of pipelined requests goes out in one write); replies are read into `incoming` and cut
 * with FrameParser's two phases (check that a whole frame is there, then parse it). Tokio's mini-redis
 * Connection, over Weft's TcpStream with TCP_NODELAY on.
 *
 * Ownership: one task at a time uses a connection. `inUse` (a CAS per operation, small next to a
 * network round trip) turns a second concurrent caller into an IllegalStateException instead of two
 * callers reading each other's replies. The CAS that takes `inUse` and the volatile store that gives it
 * back also order the plain fields (buffers, parser, counters) between the successive tasks that use the
 * connection. close() may come from any thread; it closes the socket, which makes a pending read or write
 * fail.
 *
 * Keeping requests and replies aligned when a caller is cancelled part-way (a timeout, an abort):
 *   - a request none of whose bytes were written is withdrawn (the encoder is cleared);
 *   - a request written in part is completed first by the next send (its unwritten bytes are kept in
 *     `unsent`), and its reply is counted in `unclaimedReplies`; so is the reply of a written request
 *     whose read was cancelled (its bytes, whole or partial, stay in `incoming`, where the parser resumes);
 *   - receive() first reads and drops the unclaimed replies.
 * So a cancelled request either never reached the server or did and its reply is dropped, and every
 * later request gets its own reply.
 *
 * A malformed reply or an I/O failure leaves the stream at an unknown place: the connection closes and
 * remembers the failure, and every later call reports it.
 */

/** A RESP connection used by one task at a time. See the implementation notes. */
final class Connection implements AutoCloseable {

    private static final int READ_BUFFER_SIZE = 16 * 1024;
    private static final ByteBuffer NOTHING = ByteBuffer.allocate(0);

    private final TcpStream stream;
    private final FrameEncoder encoder = new FrameEncoder();
    private final FrameParser parser = new FrameParser(ProtocolLimits.DEFAULT);
    private final ByteBuf incoming = new ByteBuf(READ_BUFFER_SIZE);
    private final AtomicBoolean inUse = new AtomicBoolean();
    private ByteBuffer unsent = NOTHING;
    private int unclaimedReplies;
    private volatile boolean closed;
    private volatile RuntimeException failure;

    private Connection(TcpStream stream) {
        this.stream = stream;
    }

    /** Connects with {@code connecting} and turns Nagle's algorithm off (requests are written whole). */
    static Async<Connection> open(Async<TcpStream> connecting) {
        return Async.of(() -> {
            TcpStream stream = connecting.await();
            try {
                stream.setNoDelay(true);
            } catch (UncheckedIOException e) {
                stream.close();
                throw e;
            }
            return new Connection(stream);
        });
    }

    /**
     * Marks the start of an operation by the calling task.
     *
     * @param operation the operation's name, for messages
     * @param ownerName the kind of object using the connection ("Client", "Subscriber"), for messages
     * @param rule      what the owner allows, for the message when another operation is in progress
     * @throws IllegalStateException if another operation is in progress, or the connection is closed or failed
     */
    void acquire(String operation, String ownerName, String rule) {
        if (!inUse.compareAndSet(false, true)) {
            throw new IllegalStateException(operation + " was called while another operation was in progress: " + rule);
        }
        try {
            requireUsable(ownerName);
        } catch (IllegalStateException e) {
            inUse.set(false);
            throw e;
        }
    }

    /** Marks the end of the operation started by {@link #acquire}. */
    void release() {
        inUse.set(false);
    }

    /** Writes {@code request}, whose reply {@link #receive()} will return; see {@link #send(List)}. */
    void send(Frame request) {
        encoder.encode(request);
        writeEncoded(1, null);
    }

    /**
     * Writes {@code requests} with one write (after the rest of a request cancelled part-way, if any);
     * {@link #receive()} then returns their replies in order. Cancellation: see the implementation notes.
     */
    void send(List<? extends Frame> requests) {
        for (Frame request : requests) {
            encoder.encode(request);
        }
        writeEncoded(requests.size(), null);
    }

    /**
     * Writes a pub/sub request, whose confirmations the caller matches itself (they are not counted as
     * replies). {@code whenWithdrawn} runs if the write stops (cancelled, failed) before any byte of the
     * request went out: then no confirmation will come.
     */
    void sendSubscription(Frame request, Runnable whenWithdrawn) {
        encoder.encode(request);
        writeEncoded(0, whenWithdrawn);
    }

    private void writeEncoded(int replies, Runnable whenWithdrawn) {
        ByteBuffer encoded = encoder.readable();
        try {
            if (unsent.hasRemaining()) {
                stream.writeAll(unsent).await();
                unsent = NOTHING;
            }
            stream.writeAll(encoded).await();
        } catch (UncheckedIOException e) {
            throw failed(e);
        } finally {
            if (encoded.position() == 0) {
                if (whenWithdrawn != null) {
                    whenWithdrawn.run();
                }
            } else if (encoded.hasRemaining()) {
                unsent = ByteBuffer.wrap(new byte[encoded.remaining()]).put(encoded).flip();
                unclaimedReplies += replies;
            }
            encoder.clear();
        }
    }

    /**
     * The reply to the caller's oldest request not yet answered, after dropping the replies of cancelled
     * requests.
     *
     * @throws UncheckedIOException if the server closes the connection first, or reading fails
     * @throws ProtocolException    if the reply is malformed
     */
    Frame receive() {
        dropUnclaimedReplies();
        boolean received = false;
        try {
            Frame reply = replyFrame();
            received = true;
            return reply;
        } finally {
            if (!received) {
                unclaimedReplies++;
            }
        }
    }

    /** Reads and drops the replies of cancelled requests. */
    void dropUnclaimedReplies() {
        while (unclaimedReplies > 0) {
            replyFrame();
            unclaimedReplies--;
        }
    }

    private Frame replyFrame() {
        Optional<Frame> frame = nextFrame();
        if (frame.isEmpty()) {
            throw failed(new UncheckedIOException(new EOFException("the server closed the connection")));
        }
        return frame.get();
    }

    /**
     * The next frame the server sends, or empty when it has closed the connection cleanly (between
     * frames). Cancel-safe: a frame is taken only once it is whole.
     *
     * @throws UncheckedIOException if the connection ends inside a frame, or reading fails
     * @throws ProtocolException    if the frame is malformed
     */
    Optional<Frame> nextFrame() {
        try {
            while (true) {
                ByteBuffer received = incoming.readable();
                if (parser.check(received)) {
                    return Optional.of(parser.parse(received));
                }
                if (incoming.readFrom(stream).await() < 0) {
                    if (incoming.isEmpty()) {
                        return Optional.empty();
                    }
                    throw new UncheckedIOException(new EOFException("the server closed the connection inside a reply, after "
                            + incoming.readableBytes() + " bytes of it"));
                }
            }
        } catch (UncheckedIOException | ProtocolException e) {
            throw failed(e);
        }
    }

    /**
     * The next frame the server pushes on a subscribed connection (after the replies of cancelled
     * requests, which are dropped), or empty when it has closed the connection cleanly.
     */
    Optional<Frame> nextPush() {
        dropUnclaimedReplies();
        return nextFrame();
    }

    /** True once {@link #close()} was called. */
    boolean isClosed() {
        return closed;
    }

    private void requireUsable(String ownerName) {
        if (closed) {
            throw new IllegalStateException("the " + ownerName + " is closed");
        }
        RuntimeException cause = failure;
        if (cause != null) {
            throw new IllegalStateException("the connection of this " + ownerName + " failed: " + cause.getMessage(), cause);
        }
    }

    private RuntimeException failed(RuntimeException cause) {
        if (!closed && failure == null) {
            failure = cause;
            stream.close();
        }
        return cause;
    }

    /** Closes the socket; an operation in progress in another task fails. Idempotent. */
    @Override
    public void close() {
        closed = true;
        stream.close();
    }

    @Override
    public String toString() {
        return "Connection[" + stream + "]";
    }
}
