package dev.weft.codec;

import java.nio.ByteBuffer;

/**
 * Turns bytes into frames: Tokio's {@code Decoder}. A {@link FramedRead} (or {@link Framed}) keeps the
 * bytes received so far in a buffer and calls {@link #decode} after each read; the decoder consumes
 * (advances the position past) the bytes of a whole frame and returns it, or returns {@code null} when
 * a frame is not complete yet. A decoder may keep state between calls (what it has already looked
 * at), so each stream has its own decoder.
 *
 * {@snippet :
 * // Frames are single bytes: a decoder that needs no state.
 * Decoder<Byte> bytes = src -> src.hasRemaining() ? src.get() : null;
 * }
 *
 * <p>A decoder must not look at bytes outside {@code [position, limit)} of the buffer, must not change
 * its limit or contents, and must not keep a reference to it after returning.
 *
 * @param <T> the type of the frames
 */
@FunctionalInterface
public interface Decoder<T> {

    /**
     * Decodes one frame from the start of {@code src} (in read mode: the bytes between its position and
     * its limit), advancing the position past what it used. Returns {@code null} when more bytes are
     * needed; it may still have consumed some (for example bytes it discards).
     *
     * @throws CodecException        if the bytes are not a valid frame
     * @throws FrameTooLongException if the frame is over the codec's maximum
     */
    T decode(ByteBuffer src);

    /**
     * Decodes a frame from the bytes left when the stream has ended. Called repeatedly until it returns
     * {@code null}. By default, decodes as {@link #decode} does and fails if bytes remain that are not a
     * whole frame.
     *
     * @throws CodecException if bytes remain that are not a whole frame, or as {@link #decode}
     */
    default T decodeEof(ByteBuffer src) {
        T frame = decode(src);
        if (frame == null && src.hasRemaining()) {
            throw new CodecException("the stream ended with " + src.remaining()
                    + " bytes that are not a whole frame");
        }
        return frame;
    }
}
