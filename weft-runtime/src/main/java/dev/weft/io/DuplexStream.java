package dev.weft.io;

import dev.weft.Async;

import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * One end of an in-memory {@link Pipe}: what one end writes, the other reads, in order, through a
 * bounded buffer per direction. Tokio's {@code DuplexStream}. It behaves like a connected socket, which
 * makes it the stream to test protocol code with.
 *
 * {@snippet :
 * Pipe pipe = Pipe.duplex(64);
 * String echoed = AsyncRuntime.run(() -> {
 *     Weft.spawn(AsyncIo.copy(pipe.server(), pipe.server()));   // echo until the client shuts down
 *     pipe.client().writeAll(ByteBuffer.wrap("ping".getBytes(StandardCharsets.UTF_8))).await();
 *     pipe.client().shutdownOutput().await();
 *     ByteBuffer reply = ByteBuffer.allocate(4);
 *     pipe.client().readExact(reply).await();
 *     return new String(reply.array(), StandardCharsets.UTF_8);
 * });
 * }
 *
 * <p><b>Back-pressure.</b> A write waits while the peer's buffer is full and then writes as much as
 * fits. <b>Half-close.</b> After {@link #shutdownOutput()}, the peer reads what was buffered and then
 * -1; this end can still read. <b>Close.</b> {@link #close()} shuts the output down (the peer reads to
 * the end) and closes the input: the peer's writes then fail with a broken pipe, and every read or write
 * on this end fails with {@link UncheckedIOException}.
 *
 * <p>Several tasks may use an end at once (typically one reading and one writing).
 *
 * <h2>Cancellation</h2>
 * {@link #read} and {@link #write} are cancel-safe: a cancelled read read nothing, a cancelled write
 * wrote nothing, and the pipe stays open. They can be branches of a select.
 *
 * <h2>Memory consistency effects</h2>
 * Actions of a task before it writes bytes happen-before the actions of a task after the read that
 * returns them.
 */
public final class DuplexStream implements AsyncRead, AsyncWrite, AutoCloseable {

    private final Simplex incoming;
    private final Simplex outgoing;

    DuplexStream(Simplex incoming, Simplex outgoing) {
        this.incoming = incoming;
        this.outgoing = outgoing;
    }

    /**
     * Reads at least one byte, waiting until the peer writes some; returns -1 once the peer has shut
     * its output down (or closed) and every byte it wrote has been read.
     *
     * <h4>Cancellation</h4>
     * Cancel-safe: a cancelled read took nothing.
     *
     * @throws UncheckedIOException if this end is closed
     */
    @Override
    public Async<Integer> read(ByteBuffer dst) {
        return incoming.read(Objects.requireNonNull(dst, "dst"));
    }

    /**
     * Writes as much of {@code src} as the peer's buffer has room for, waiting while it is full.
     *
     * <h4>Cancellation</h4>
     * Cancel-safe: a cancelled write wrote nothing.
     *
     * @throws UncheckedIOException if this end's output is shut down or closed, or the peer closed
     *                              (a broken pipe)
     */
    @Override
    public Async<Integer> write(ByteBuffer src) {
        return outgoing.write(Objects.requireNonNull(src, "src"));
    }

    /**
     * Completes at once: a pipe hands every written byte to the peer immediately.
     *
     * <h4>Cancellation</h4>
     * Nothing to lose.
     */
    @Override
    public Async<Void> flush() {
        return Async.completed(null);
    }

    /**
     * Half-closes: the peer reads what was written and then -1; this end may still read. Later writes
     * fail. Idempotent.
     *
     * <h4>Cancellation</h4>
     * Completes without waiting; nothing to lose.
     */
    @Override
    public Async<Void> shutdownOutput() {
        return Async.run(outgoing::shutdownOutput);
    }

    /**
     * Closes this end: the peer reads what was written and then -1, the peer's writes fail with a
     * broken pipe, and pending and later reads and writes on this end fail. Idempotent; never waits.
     */
    @Override
    public void close() {
        outgoing.shutdownOutput();
        incoming.closeReader();
    }
}
