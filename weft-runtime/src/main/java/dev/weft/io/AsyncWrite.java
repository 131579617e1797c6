package dev.weft.io;

import dev.weft.Async;

import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

/**
 * A sink of bytes written asynchronously: a TCP or Unix stream, the write half of a split stream, a
 * pipe, a buffered writer. Tokio's {@code AsyncWrite} over {@link ByteBuffer}s.
 *
 * <p>I/O failures surface from {@code await()} as {@link UncheckedIOException}, whose cause is the
 * {@link java.io.IOException}.
 *
 * {@snippet :
 * static Async<Void> sendGreeting(AsyncWrite sink) {
 *     return Async.of(() -> {
 *         sink.writeAll(ByteBuffer.wrap("hello\n".getBytes(StandardCharsets.UTF_8))).await();
 *         sink.flush().await();
 *         return null;
 *     });
 * }
 * }
 */
public interface AsyncWrite {

    /**
     * Writes at least one byte of {@code src}, waiting until the sink accepts some: returns how many
     * (the buffer's position advances by that much). Returns 0 at once when {@code src} is empty.
     *
     * <h4>Cancellation</h4>
     * Cancel-safe: if the await is cancelled, nothing of {@code src} was written.
     *
     * @throws UncheckedIOException if writing fails (for example, the peer reset the connection)
     */
    Async<Integer> write(ByteBuffer src);

    /**
     * Writes every remaining byte of {@code src}.
     *
     * <h4>Cancellation</h4>
     * Not cancel-safe as a whole: if cancelled part-way, {@code src}'s position tells how much was
     * written.
     *
     * @throws UncheckedIOException if writing fails
     */
    default Async<Void> writeAll(ByteBuffer src) {
        return Async.of(() -> {
            while (src.hasRemaining()) {
                write(src).await();
            }
            return null;
        });
    }

    /**
     * Waits until everything written so far has been handed on (a buffered writer writes its buffer;
     * a socket has nothing to do).
     *
     * <h4>Cancellation</h4>
     * Cancel-safe in that nothing is lost: the unflushed bytes stay buffered for the next flush.
     *
     * @throws UncheckedIOException if writing fails
     */
    Async<Void> flush();

    /**
     * Flushes, then signals the end of the stream to the reader (a TCP FIN: a half-close). Reading in
     * the other direction goes on.
     *
     * <h4>Cancellation</h4>
     * As {@link #flush()}.
     *
     * @throws UncheckedIOException if writing fails
     */
    Async<Void> shutdownOutput();
}
