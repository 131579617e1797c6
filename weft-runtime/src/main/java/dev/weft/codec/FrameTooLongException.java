package dev.weft.codec;

import dev.weft.io.LimitExceededException;

/**
 * Thrown when a frame is longer than its codec allows: a line over {@link LinesCodec}'s maximum, or a
 * length field over {@link LengthDelimitedCodec}'s maximum frame length, or a frame to encode over it.
 * Codecs decide this before buffering or allocating the frame, so an oversized frame costs no memory.
 * It is a {@link LimitExceededException}, like a line over a {@link dev.weft.io.BufReader}'s limit.
 *
 * {@snippet :
 * LinesCodec codec = new LinesCodec(4);
 * try {
 *     codec.decode(ByteBuffer.wrap("too long\n".getBytes(StandardCharsets.UTF_8)));
 * } catch (FrameTooLongException e) {
 *     long limit = e.limit();   // 4
 * }
 * }
 */
public class FrameTooLongException extends LimitExceededException {

    private static final long serialVersionUID = 1L;

    /**
     * An exception saying which frame was too long, and the limit.
     *
     * @param message what was too long
     * @param limit   the codec's maximum, in bytes
     */
    public FrameTooLongException(String message, long limit) {
        super(message, limit);
    }
}
