package dev.weft.codec;

import dev.weft.io.ByteBuf;
import dev.weft.runtime.internal.bytes.LineBytes;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/*
 * Implementation notes.
 *
 * Tokio's LinesCodec (tokio-util/src/codec/lines_codec.rs), with its maximum length semantics:
 *
 *   - a search looks at no more than maxLength + 1 bytes, so a line of exactly maxLength bytes before
 *     its '\n' is accepted ('\r' of a "\r\n" counts towards it);
 *   - `nextIndex` is where the last search for a '\n' stopped, relative to the buffer's position, so
 *     bytes arriving in small pieces are searched once;
 *   - when more than maxLength bytes without a '\n' are buffered, decode throws and sets `discarding`:
 *     the following calls drop bytes (at most maxLength + 1 at a time) up to and including the next
 *     '\n', then decode normally. The buffer therefore never holds more than maxLength + 1 bytes of one
 *     line on the codec's account.
 *
 * Unlike Tokio's LinesCodec::new, which has no limit, the no-argument constructor limits lines to
 * 64 KiB: a line codec over a network stream should not buffer without bound by default.
 */

/**
 * A codec for lines of UTF-8 text: Tokio's {@code LinesCodec}. Decoding splits on {@code \n} and
 * strips the {@code \n} or {@code \r\n}; encoding appends {@code \n}. At the end of the stream, bytes
 * after the last newline are a last line.
 *
 * {@snippet :
 * static <S extends AsyncRead & AsyncWrite> Async<String> ask(S connection, String question) {
 *     return Async.of(() -> {
 *         Framed<String, String> lines = new Framed<>(connection, new LinesCodec(1024));
 *         lines.send(question).await();
 *         return lines.next().await().orElse("");
 *     });
 * }
 * }
 *
 * <p>A line longer than the maximum length is a {@link FrameTooLongException}, thrown as soon as
 * {@code maxLength + 1} bytes without a newline have arrived; the codec then skips the rest of that line
 * and decodes the lines after it. A line that is not valid UTF-8 is a {@link CodecException} (the line
 * is consumed).
 *
 * <p>The codec keeps decoding state: use one per stream.
 */
public final class LinesCodec implements Decoder<String>, Encoder<String> {

    /** The maximum line length of a codec made without one: 64 KiB. */
    public static final int DEFAULT_MAX_LENGTH = 64 * 1024;

    private final int maxLength;
    private int nextIndex;
    private boolean discarding;

    /** A codec for lines of at most {@link #DEFAULT_MAX_LENGTH} bytes. */
    public LinesCodec() {
        this(DEFAULT_MAX_LENGTH);
    }

    /**
     * A codec for lines of at most {@code maxLength} bytes before the newline.
     *
     * @throws IllegalArgumentException if {@code maxLength} is negative
     */
    public LinesCodec(int maxLength) {
        if (maxLength < 0) {
            throw new IllegalArgumentException("maxLength < 0: " + maxLength);
        }
        this.maxLength = maxLength;
    }

    /** The longest line accepted, in bytes before the {@code \n}. */
    public int maxLength() {
        return maxLength;
    }

    /**
     * The next line, or {@code null} if no whole line is buffered.
     *
     * @throws FrameTooLongException if more than {@link #maxLength()} bytes come before the newline
     * @throws CodecException        if the line is not valid UTF-8
     */
    @Override
    public String decode(ByteBuffer src) {
        while (true) {
            int start = src.position();
            int readTo = (int) Math.min(src.remaining(), maxLength + 1L);
            int newline = LineBytes.indexOf(src, (byte) '\n', start + nextIndex, start + readTo);
            if (discarding) {
                nextIndex = 0;
                if (newline >= 0) {
                    src.position(newline + 1);
                    discarding = false;
                    continue;
                }
                src.position(start + readTo);
                if (!src.hasRemaining()) {
                    return null;
                }
            } else if (newline >= 0) {
                nextIndex = 0;
                src.position(newline + 1);
                return utf8(src, start, LineBytes.withoutCarriageReturn(src, start, newline));
            } else if (src.remaining() > maxLength) {
                discarding = true;
                throw new FrameTooLongException("line longer than the maximum of " + maxLength
                        + " bytes; the rest of it is skipped", maxLength);
            } else {
                nextIndex = readTo;
                return null;
            }
        }
    }

    /**
     * The next line, or what is left after the last newline as a last line (a lone {@code \r} is
     * dropped), or {@code null} when nothing is left.
     *
     * @throws FrameTooLongException if more than {@link #maxLength()} bytes come before the newline
     * @throws CodecException        if the line is not valid UTF-8
     */
    @Override
    public String decodeEof(ByteBuffer src) {
        String line = decode(src);
        if (line != null) {
            return line;
        }
        nextIndex = 0;
        int start = src.position();
        int end = LineBytes.withoutCarriageReturn(src, start, src.limit());
        src.position(src.limit());
        return end == start ? null : utf8(src, start, end);
    }

    /** Appends {@code line} in UTF-8 and a {@code \n}. */
    @Override
    public void encode(String line, ByteBuf dst) {
        dst.put(line.getBytes(StandardCharsets.UTF_8)).put((byte) '\n');
    }

    private static String utf8(ByteBuffer src, int from, int to) {
        try {
            return LineBytes.decodeUtf8(src, from, to);
        } catch (CharacterCodingException e) {
            throw new CodecException("line is not valid UTF-8", e);
        }
    }

    @Override
    public String toString() {
        return "LinesCodec[maxLength=" + maxLength + "]";
    }
}
