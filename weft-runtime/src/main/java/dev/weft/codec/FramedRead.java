package dev.weft.codec;

import dev.weft.Async;
import dev.weft.io.AsyncRead;
import dev.weft.io.ByteBuf;
import dev.weft.stream.AsyncStream;

import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Optional;

/*
 * Implementation notes.
 *
 * Tokio's FramedImpl read side (tokio-util/src/codec/framed_impl.rs), its state machine kept in two
 * flags:
 *
 *   | state   | eof   | readable |
 *   |---------|-------|----------|
 *   | reading | false | false    |  read more, then frame
 *   | framing | false | true     |  decode until it returns null, then read
 *   | pausing | true  | true     |  decodeEof until it returns null, then paused
 *   | paused  | true  | false    |  read again: more bytes resume framing, another -1 ends
 *
 * Tokio answers one None after a decoder error and then resumes; here a decoder error is thrown and
 * the state stays as it was, so the next call asks the decoder again: a decoder that can recover (the
 * LinesCodec skips an over-long line) does, and one that cannot throws again. A failed decodeEof moves
 * to paused, so the stream then ends instead of failing forever.
 *
 * Bytes are only ever appended to the buffer by a completed read, and decoders consume only whole
 * frames (or bytes they discard), so a cancelled next() loses nothing.
 */

/**
 * A stream of frames decoded from an {@link AsyncRead}: Tokio's {@code FramedRead}. It reads into a
 * buffer (8 KiB to start with, grown as a frame needs) and hands it to its {@link Decoder}.
 *
 * {@snippet :
 * static Async<List<String>> readAllLines(AsyncRead source) {
 *     return Async.of(() -> {
 *         FramedRead<String> lines = new FramedRead<>(source, new LinesCodec(1024));
 *         List<String> all = new ArrayList<>();
 *         for (Optional<String> line; (line = lines.next().await()).isPresent(); ) {
 *             all.add(line.get());
 *         }
 *         return all;
 *     });
 * }
 * }
 *
 * <p>Not thread-safe: use it from one task at a time.
 *
 * <h2>Cancellation</h2>
 * {@link #next()} is cancel-safe, as long as the source's {@code read} is: the bytes of a partial frame
 * stay buffered, and the next call goes on from them.
 *
 * @param <T> the type of the frames
 */
public final class FramedRead<T> implements AsyncStream<T> {

    private static final int INITIAL_CAPACITY = 8 * 1024;

    private final AsyncRead source;
    private final Decoder<T> decoder;
    private final ByteBuf buffer = new ByteBuf(INITIAL_CAPACITY);
    private boolean eof;
    private boolean readable;

    /** Frames decoded by {@code decoder} from {@code source}. */
    public FramedRead(AsyncRead source, Decoder<T> decoder) {
        this.source = Objects.requireNonNull(source, "source");
        this.decoder = Objects.requireNonNull(decoder, "decoder");
    }

    /**
     * The next frame, waiting for its bytes; empty once the source has ended and the decoder has
     * returned every frame left ({@link Decoder#decodeEof}). If the source has more bytes after an end
     * (a resumable source), a later call goes on with them.
     *
     * <p>A decoder error does not end the stream: the next call asks the decoder again, which goes on
     * if it can (a {@link LinesCodec} skips an over-long line) or fails again (a
     * {@link LengthDelimitedCodec} keeps an oversized header). A failure of {@link Decoder#decodeEof}
     * ends the stream.
     *
     * <h4>Cancellation</h4>
     * Cancel-safe: a partial frame stays buffered.
     *
     * @throws CodecException        if the decoder rejects the bytes
     * @throws FrameTooLongException if a frame is over the decoder's maximum
     * @throws UncheckedIOException  if reading fails
     */
    @Override
    public Async<Optional<T>> next() {
        return Async.of(() -> {
            while (true) {
                if (readable) {
                    Optional<T> frame = eof ? decodeAtEnd() : Optional.ofNullable(decoder.decode(buffer.readable()));
                    if (frame.isPresent() || eof) {
                        return frame;
                    }
                    readable = false;
                }
                int n = buffer.readFrom(source).await();
                if (n < 0 && eof) {
                    return Optional.empty();
                }
                eof = n < 0;
                readable = true;
            }
        });
    }

    private Optional<T> decodeAtEnd() {
        T frame;
        try {
            frame = decoder.decodeEof(buffer.readable());
        } catch (RuntimeException e) {
            readable = false;
            throw e;
        }
        if (frame == null) {
            readable = false;
        }
        return Optional.ofNullable(frame);
    }

    /** The bytes received and not yet decoded. */
    public ByteBuf readBuffer() {
        return buffer;
    }

    /** The decoder. */
    public Decoder<T> decoder() {
        return decoder;
    }

    @Override
    public String toString() {
        return "FramedRead[buffered=" + buffer.readableBytes() + ", decoder=" + decoder + "]";
    }
}
