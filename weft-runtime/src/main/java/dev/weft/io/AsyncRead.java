package dev.weft.io;

import dev.weft.Async;

import java.io.EOFException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

/**
 * A source of bytes read asynchronously: a TCP or Unix stream, the read half of a split stream, a pipe,
 * a {@link BufReader}. Tokio's {@code AsyncRead} over {@link ByteBuffer}s.
 *
 * <p>I/O failures surface from {@code await()} as {@link UncheckedIOException}, whose cause is the
 * {@link java.io.IOException}.
 *
 * {@snippet :
 * static Async<Long> countBytes(AsyncRead source) {
 *     return Async.of(() -> {
 *         ByteBuffer buffer = ByteBuffer.allocate(8192);
 *         long total = 0;
 *         for (int n; (n = source.read(buffer.clear()).await()) != -1; ) {
 *             total += n;
 *         }
 *         return total;
 *     });
 * }
 * }
 */
public interface AsyncRead {

    /**
     * Reads at least one byte into {@code dst}, waiting until some are available: returns how many, or
     * -1 at the end of the stream. Returns 0 at once when {@code dst} has no space left.
     *
     * <h4>Cancellation</h4>
     * Cancel-safe: if the await is cancelled (an abort, a timeout, a lost select), no byte was read,
     * nothing is lost, and the source stays open for the next read.
     *
     * @throws UncheckedIOException if reading fails
     */
    Async<Integer> read(ByteBuffer dst);

    /**
     * Reads until {@code dst} is full.
     *
     * <h4>Cancellation</h4>
     * Not cancel-safe as a whole: if cancelled part-way, the bytes read so far are in {@code dst} (its
     * position says how many) and the rest are still in the source, so nothing is lost, but the caller
     * must continue from the buffer's position.
     *
     * @throws UncheckedIOException with an {@link EOFException} cause if the stream ends first (the
     *                              bytes read are in {@code dst}), or if reading fails
     */
    default Async<Void> readExact(ByteBuffer dst) {
        return Async.of(() -> {
            while (dst.hasRemaining()) {
                if (read(dst).await() < 0) {
                    throw new UncheckedIOException(new EOFException(
                            "end of stream with " + dst.remaining() + " bytes still expected"));
                }
            }
            return null;
        });
    }
}
