package dev.weft.io;

import dev.weft.Async;

import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Adds a buffer to an {@link AsyncWrite}: small writes are collected and handed on in one write when
 * the buffer fills or on {@link #flush()}; a write of a buffer's worth or more goes straight through.
 * Tokio's {@code BufWriter}. Remember to flush (or {@link #shutdownOutput()}, which flushes first): bytes
 * still buffered are not written by anything else.
 *
 * {@snippet :
 * static Async<Void> sendLines(AsyncWrite sink, List<String> lines) {
 *     return Async.of(() -> {
 *         BufWriter writer = new BufWriter(sink);
 *         for (String line : lines) {
 *             writer.writeAll(ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8))).await();
 *         }
 *         writer.flush().await();   // one write to the sink for all of them (if they fit in 8 KiB)
 *         return null;
 *     });
 * }
 * }
 *
 * <p>Not thread-safe: use a writer from one task at a time.
 *
 * <h2>Cancellation</h2>
 * Cancel-safe in that nothing is lost, as long as the sink's {@code write} is cancel-safe: a cancelled
 * {@link #write} took nothing of its source, and a cancelled flush leaves the unwritten bytes buffered
 * for the next one.
 */
public final class BufWriter implements AsyncWrite {

    /** The capacity of a writer made without one: 8 KiB, as in Tokio. */
    public static final int DEFAULT_CAPACITY = 8 * 1024;

    private final AsyncWrite sink;
    private final int capacity;
    private final ByteBuf buffer;

    /** A writer with an 8 KiB buffer. */
    public BufWriter(AsyncWrite sink) {
        this(sink, DEFAULT_CAPACITY);
    }

    /**
     * A writer with a buffer of {@code capacity} bytes.
     *
     * @throws IllegalArgumentException if {@code capacity} is not positive
     */
    public BufWriter(AsyncWrite sink, int capacity) {
        this.sink = Objects.requireNonNull(sink, "sink");
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity <= 0: " + capacity);
        }
        this.capacity = capacity;
        this.buffer = new ByteBuf(capacity, capacity);
    }

    /** How many bytes are buffered, waiting for a flush. */
    public int buffered() {
        return buffer.readableBytes();
    }

    /**
     * Buffers {@code src} when it fits; otherwise writes the buffer out first, then buffers {@code src}
     * or, when it is a buffer's worth or more, writes it straight to the sink. Returns how many bytes of
     * {@code src} were taken.
     *
     * <h4>Cancellation</h4>
     * Cancel-safe: if cancelled, nothing of {@code src} was taken (the buffer may have been written out
     * in part).
     *
     * @throws UncheckedIOException if writing to the sink fails
     */
    @Override
    public Async<Integer> write(ByteBuffer src) {
        Objects.requireNonNull(src, "src");
        return Async.of(() -> {
            if (buffer.readableBytes() + (long) src.remaining() > capacity) {
                buffer.writeAllTo(sink).await();
            }
            if (src.remaining() >= capacity) {
                return sink.write(src).await();
            }
            int n = src.remaining();
            buffer.put(src);
            return n;
        });
    }

    /**
     * Writes the buffered bytes to the sink, then flushes the sink.
     *
     * <h4>Cancellation</h4>
     * Nothing is lost: bytes not yet written stay buffered for the next flush.
     *
     * @throws UncheckedIOException if writing fails
     */
    @Override
    public Async<Void> flush() {
        return buffer.writeAllTo(sink).flatMap(written -> sink.flush());
    }

    /**
     * Writes the buffered bytes to the sink, then shuts the sink's output down.
     *
     * <h4>Cancellation</h4>
     * As {@link #flush()}.
     *
     * @throws UncheckedIOException if writing fails
     */
    @Override
    public Async<Void> shutdownOutput() {
        return buffer.writeAllTo(sink).flatMap(written -> sink.shutdownOutput());
    }

    @Override
    public String toString() {
        return "BufWriter[buffered=" + buffer.readableBytes() + ", capacity=" + capacity + "]";
    }
}
