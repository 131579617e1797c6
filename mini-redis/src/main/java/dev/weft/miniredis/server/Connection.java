package dev.weft.miniredis.server;

import dev.weft.Async;
import dev.weft.io.ByteBuf;
import dev.weft.miniredis.cmd.ClientSession;
import dev.weft.miniredis.frame.FrameEncoder;
import dev.weft.miniredis.frame.ProtocolException;
import dev.weft.miniredis.frame.ProtocolLimits;
import dev.weft.miniredis.frame.RequestParser;
import dev.weft.net.TcpStream;
import dev.weft.runtime.RuntimeShutdownException;
import dev.weft.sync.Select;
import dev.weft.task.CancelledException;
import dev.weft.task.JoinHandle;

import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;

/*
 * Implementation notes.
 *
 * One task per connection runs serve(): wait for input, then handle every complete request in the read
 * buffer (RequestParser's two-phase check/parse), encoding every reply into one FrameEncoder, then
 * write that buffer once: one write per batch of pipelined requests (a batch whose replies pass
 * FLUSH_THRESHOLD is written in parts, so one huge pipeline does not buffer without bound). Replies
 * and pub/sub are in Session; this class owns the socket, the buffers and the life cycle.
 *
 * Closing rules, as Redis's: after a protocol error's reply, after QUIT's reply, and at the end of the
 * input (the client's FIN: the requests before it were answered, then the socket closes).
 *
 * Shutdown without stopping a command half-way: `state` is BUSY while a batch is handled and written,
 * IDLE while the task waits for input (for a subscriber, also while it writes pushed messages). The
 * task moves BUSY -> IDLE before waiting and IDLE -> BUSY after; requestClose() swaps in CLOSING and
 * aborts the task only if it found IDLE. A BUSY task fails its next CAS and ends after its batch; an
 * IDLE one is cancelled in its wait (reads are cancel-safe; bytes that arrived in the same instant are
 * dropped with the connection). Two CASes per batch, no select on the hot path.
 *
 * When the socket closes, the connection's subscriptions and its place in the server's count are
 * already gone: a client that saw the server close its connection is no longer counted (INFO) nor a
 * receiver (PUBLISH).
 *
 * abort() may be called before the spawner has stored the task's handle (a publisher overflowing the
 * outbox of a connection that has just subscribed): `abortRequested` and `task` are volatile and
 * written before the other is read on both sides, so one of the two sides aborts.
 */
final class Connection {

    /** Above this many bytes of replies, a batch is written before it is finished. */
    static final int FLUSH_THRESHOLD = 64 * 1024;
    /** A read buffer grown beyond this for a large request is replaced once it is empty again. */
    private static final int RETAINED_INPUT = 64 * 1024;
    private static final int INITIAL_INPUT = 16 * 1024;

    private static final int BUSY = 0;
    private static final int IDLE = 1;
    private static final int CLOSING = 2;
    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(Connection.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final TcpStream stream;
    private final RedisService service;
    private final RequestParser parser;
    private final int maxInput;
    private final Session session;
    private ByteBuf input;
    private FrameEncoder output = new FrameEncoder();
    private volatile int state = BUSY;
    private volatile boolean abortRequested;
    private volatile JoinHandle<Void> task;

    Connection(TcpStream stream, RedisService service, ClientSession client) {
        this.stream = stream;
        this.service = service;
        ProtocolLimits limits = service.config().limits();
        this.parser = new RequestParser(limits);
        this.maxInput = (int) Math.min(ByteBuf.MAX_CAPACITY, limits.maxFrameLength() + INITIAL_INPUT);
        this.input = new ByteBuf(INITIAL_INPUT, maxInput);
        this.session = new Session(service, client, this);
    }

    /** The connection's task body: serves until the client leaves, errs, or the server shuts down. */
    Async<Void> serve() {
        return Async.run(() -> {
            try {
                serveUntilClosed();
            } catch (UncheckedIOException | CancelledException | RuntimeShutdownException gone) {
                // The peer reset the connection, or the server or its runtime closed it: nothing to answer.
            } finally {
                session.close();
                service.connectionEnded(this);
                stream.close();
            }
        });
    }

    /** Records the handle of the task running {@link #serve()}. */
    void started(JoinHandle<Void> handle) {
        task = handle;
        if (abortRequested) {
            handle.abort();
        }
    }

    /** Graceful close: at once if the connection waits for input, else after the batch it is handling. */
    void requestClose() {
        if ((int) STATE.getAndSet(this, CLOSING) == IDLE) {
            abort();
        }
    }

    /** Cancels the connection's task wherever it waits; it closes the socket as it unwinds. */
    void abort() {
        abortRequested = true;
        JoinHandle<Void> handle = task;
        if (handle != null) {
            handle.abort();
        }
    }

    /** The encoder replies go to when the connection is not subscribed. */
    FrameEncoder output() {
        return output;
    }

    /** Takes the encoder holding the replies so far, leaving an empty one: the start of an outbox. */
    FrameEncoder takeOutput() {
        FrameEncoder taken = output;
        output = new FrameEncoder();
        return taken;
    }

    private void serveUntilClosed() {
        while (true) {
            if (!STATE.compareAndSet(this, BUSY, IDLE)) {
                return;
            }
            int read = session.subscribed() ? readOrPush() : input.readFrom(stream).await();
            if (!STATE.compareAndSet(this, IDLE, BUSY)) {
                return;
            }
            boolean open = handleBuffered() && read >= 0;
            flush();
            if (!open || session.overflowed()) {
                return;
            }
            releaseLargeInput();
        }
    }

    /**
     * Handles every complete request in the read buffer. False when the connection must close after
     * the replies are written (QUIT, a protocol error).
     */
    private boolean handleBuffered() {
        ByteBuffer buffer = input.readable();
        try {
            while (parser.check(buffer)) {
                if (!session.handle(parser.parse(buffer))) {
                    return false;
                }
                if (output.size() >= FLUSH_THRESHOLD) {
                    writeOutput();
                }
            }
            return true;
        } catch (ProtocolException malformed) {
            session.protocolError(malformed);
            return false;
        } finally {
            session.countCommands();
        }
    }

    /**
     * While subscribed: writes what publishers pushed and waits for either more of it or input. Returns
     * what a read returned (a count, or -1 at the end of the input).
     */
    private int readOrPush() {
        while (true) {
            Async<Void> pushed = session.outbox().appended();
            flush();
            if (session.overflowed()) {
                return -1;
            }
            boolean readable = Select.<Boolean>builder()
                    .on(stream.readable(), ready -> true)
                    .on(pushed, more -> false)
                    .biased()
                    .await();
            if (readable) {
                int read = input.readFrom(dst -> Async.completed(stream.tryRead(dst))).await();
                if (read != 0) {
                    return read;
                }
            }
        }
    }

    /** Writes every reply and pushed message waiting, in order. */
    private void flush() {
        session.drainOutbox();
        writeOutput();
    }

    private void writeOutput() {
        if (output.size() > 0) {
            ByteBuffer bytes = output.readable();
            while (bytes.hasRemaining()) {
                stream.write(bytes).await();
            }
            output.clear();
        }
    }

    /** Exchanges the outbox's pending bytes for the (empty) output encoder. */
    void exchangeOutput(Outbox outbox) {
        output = outbox.exchange(output);
    }

    private void releaseLargeInput() {
        if (input.isEmpty() && input.capacity() > RETAINED_INPUT) {
            input = new ByteBuf(INITIAL_INPUT, maxInput);
            parser.reset();
        }
    }
}
