package dev.weft.codec;

import dev.weft.Async;
import dev.weft.io.AsyncWrite;
import dev.weft.io.ByteBuf;

import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * A sink of frames encoded onto an {@link AsyncWrite}: Tokio's {@code FramedWrite}. Frames are encoded
 * into a buffer; {@link #send} writes it out at once, {@link #feed} only when 8 KiB or more are waiting
 * (so a burst of frames goes out in few writes), and {@link #flush} on demand.
 *
 * {@snippet :
 * static Async<Void> sendAll(AsyncWrite sink, List<String> lines) {
 *     return Async.of(() -> {
 *         FramedWrite<String> out = new FramedWrite<>(sink, new LinesCodec());
 *         for (String line : lines) {
 *             out.feed(line).await();   // buffered
 *         }
 *         out.flush().await();          // written together
 *         return null;
 *     });
 * }
 * }
 *
 * <p>Not thread-safe: use it from one task at a time.
 *
 * <h2>Cancellation</h2>
 * Nothing is lost, as long as the sink's {@code write} is cancel-safe: an item is either not taken (a
 * cancelled {@link #feed}) or buffered whole, and a cancelled flush keeps the unwritten bytes for the
 * next one.
 *
 * @param <U> the type of the frames
 */
public final class FramedWrite<U> {

    private static final int INITIAL_CAPACITY = 8 * 1024;
    private static final int BACKPRESSURE_BOUNDARY = INITIAL_CAPACITY;

    private final AsyncWrite sink;
    private final Encoder<U> encoder;
    private final ByteBuf buffer = new ByteBuf(INITIAL_CAPACITY);

    /** Frames encoded by {@code encoder} onto {@code sink}. */
    public FramedWrite(AsyncWrite sink, Encoder<U> encoder) {
        this.sink = Objects.requireNonNull(sink, "sink");
        this.encoder = Objects.requireNonNull(encoder, "encoder");
    }

    /**
     * Encodes {@code item} into the write buffer, first writing the buffer out if 8 KiB or more are
     * waiting (Tokio's back-pressure boundary). Does not flush.
     *
     * <h4>Cancellation</h4>
     * Cancel-safe: if cancelled, {@code item} was not taken (send it again); buffered bytes written
     * before the cancellation are gone from the buffer, the rest stay.
     *
     * @throws CodecException        if the encoder rejects {@code item}; nothing of it is buffered
     * @throws FrameTooLongException if {@code item} is over the encoder's maximum; nothing of it is buffered
     * @throws UncheckedIOException  if writing fails
     */
    public Async<Void> feed(U item) {
        return Async.of(() -> {
            if (buffer.readableBytes() >= BACKPRESSURE_BOUNDARY) {
                buffer.writeAllTo(sink).await();
            }
            encode(item);
            return null;
        });
    }

    private void encode(U item) {
        int before = buffer.readableBytes();
        boolean encoded = false;
        try {
            encoder.encode(item, buffer);
            encoded = true;
        } finally {
            if (!encoded) {
                buffer.truncate(before);
            }
        }
    }

    /**
     * Encodes {@code item} and flushes: it and everything buffered before it are written.
     *
     * <h4>Cancellation</h4>
     * If cancelled while flushing, {@code item} is buffered and goes out with the next flush; if
     * cancelled before, it was not taken.
     *
     * @throws CodecException        if the encoder rejects {@code item}; nothing of it is buffered
     * @throws FrameTooLongException if {@code item} is over the encoder's maximum; nothing of it is buffered
     * @throws UncheckedIOException  if writing fails
     */
    public Async<Void> send(U item) {
        return feed(item).flatMap(fed -> flush());
    }

    /**
     * Writes every buffered byte, then flushes the sink.
     *
     * <h4>Cancellation</h4>
     * Nothing is lost: the bytes not yet written stay buffered for the next flush.
     *
     * @throws UncheckedIOException  if writing fails
     */
    public Async<Void> flush() {
        return buffer.writeAllTo(sink).flatMap(written -> sink.flush());
    }

    /**
     * Writes every buffered byte, then shuts the sink's output down (Tokio's {@code close} of a sink):
     * the reader sees the end of the stream after the last frame.
     *
     * <h4>Cancellation</h4>
     * As {@link #flush()}.
     *
     * @throws UncheckedIOException  if writing fails
     */
    public Async<Void> shutdownOutput() {
        return buffer.writeAllTo(sink).flatMap(written -> sink.shutdownOutput());
    }

    /** The bytes encoded and not yet written. */
    public ByteBuf writeBuffer() {
        return buffer;
    }

    /** The encoder. */
    public Encoder<U> encoder() {
        return encoder;
    }

    @Override
    public String toString() {
        return "FramedWrite[buffered=" + buffer.readableBytes() + ", encoder=" + encoder + "]";
    }
}
