package dev.weft.codec;

import dev.weft.Async;
import dev.weft.io.AsyncRead;
import dev.weft.io.AsyncWrite;
import dev.weft.io.ByteBuf;
import dev.weft.stream.AsyncStream;

import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * A connection seen as frames both ways: Tokio's {@code Framed}. Frames of type {@code T} are decoded
 * from what is read, frames of type {@code U} encoded onto what is written. It is a {@link FramedRead}
 * and a {@link FramedWrite} over the two directions of one stream; use those directly for one
 * direction, or for the two halves of a split stream.
 *
 * {@snippet :
 * // A line-based echo: answers each line with the line in upper case.
 * static <S extends AsyncRead & AsyncWrite> Async<Void> shout(S connection) {
 *     return Async.of(() -> {
 *         Framed<String, String> lines = new Framed<>(connection, new LinesCodec(1024));
 *         for (Optional<String> line; (line = lines.next().await()).isPresent(); ) {
 *             lines.send(line.get().toUpperCase(Locale.ROOT)).await();
 *         }
 *         return null;
 *     });
 * }
 * }
 *
 * <p>Reading and writing may happen at the same time from two tasks, if the stream allows it; each
 * direction is used from one task at a time.
 *
 * <h2>Cancellation</h2>
 * {@link #next()} is cancel-safe (a partial frame stays buffered); for the writing methods see
 * {@link FramedWrite}: nothing is lost, an item is either not taken or buffered whole.
 *
 * @param <T> the type of the frames read
 * @param <U> the type of the frames written
 */
public final class Framed<T, U> implements AsyncStream<T> {

    private final FramedRead<T> reader;
    private final FramedWrite<U> writer;

    /** Frames over {@code stream}, decoded and encoded by {@code codec}. */
    public <S extends AsyncRead & AsyncWrite, C extends Decoder<T> & Encoder<U>> Framed(S stream, C codec) {
        this(stream, stream, codec, codec);
    }

    /** Frames read from {@code source} by {@code decoder} and written to {@code sink} by {@code encoder}. */
    public Framed(AsyncRead source, AsyncWrite sink, Decoder<T> decoder, Encoder<U> encoder) {
        this.reader = new FramedRead<>(source, decoder);
        this.writer = new FramedWrite<>(sink, encoder);
    }

    /**
     * The next frame read; empty at the end of the stream. See {@link FramedRead#next()}.
     *
     * <h4>Cancellation</h4>
     * Cancel-safe: a partial frame stays buffered.
     *
     * @throws CodecException        if the decoder rejects the bytes (a later call asks it again)
     * @throws FrameTooLongException if a frame is over the decoder's maximum
     * @throws UncheckedIOException  if reading fails
     */
    @Override
    public Async<Optional<T>> next() {
        return reader.next();
    }

    /**
     * Encodes {@code item} without flushing. See {@link FramedWrite#feed}.
     *
     * <h4>Cancellation</h4>
     * Cancel-safe: if cancelled, {@code item} was not taken.
     *
     * @throws CodecException        if the encoder rejects {@code item}; nothing of it is buffered
     * @throws FrameTooLongException if {@code item} is over the encoder's maximum; nothing of it is buffered
     * @throws UncheckedIOException  if writing fails
     */
    public Async<Void> feed(U item) {
        return writer.feed(item);
    }

    /**
     * Encodes {@code item} and flushes. See {@link FramedWrite#send}.
     *
     * <h4>Cancellation</h4>
     * If cancelled while flushing, {@code item} goes out with the next flush.
     *
     * @throws CodecException        if the encoder rejects {@code item}; nothing of it is buffered
     * @throws FrameTooLongException if {@code item} is over the encoder's maximum; nothing of it is buffered
     * @throws UncheckedIOException  if writing fails
     */
    public Async<Void> send(U item) {
        return writer.send(item);
    }

    /**
     * Writes every buffered frame and flushes the stream.
     *
     * <h4>Cancellation</h4>
     * Nothing is lost: unwritten bytes stay buffered.
     *
     * @throws UncheckedIOException  if writing fails
     */
    public Async<Void> flush() {
        return writer.flush();
    }

    /**
     * Writes every buffered frame, then shuts the stream's output down; reading goes on.
     *
     * <h4>Cancellation</h4>
     * As {@link #flush()}.
     *
     * @throws UncheckedIOException  if writing fails
     */
    public Async<Void> shutdownOutput() {
        return writer.shutdownOutput();
    }

    /** The bytes received and not yet decoded. */
    public ByteBuf readBuffer() {
        return reader.readBuffer();
    }

    /** The bytes encoded and not yet written. */
    public ByteBuf writeBuffer() {
        return writer.writeBuffer();
    }

    @Override
    public String toString() {
        return "Framed[" + reader + ", " + writer + "]";
    }
}
