package dev.weft.codec;

import dev.weft.io.ByteBuf;

/**
 * Turns frames into bytes: Tokio's {@code Encoder}. A {@link FramedWrite} (or {@link Framed}) calls
 * {@link #encode} to append each frame to its write buffer, which grows as needed, and writes the
 * buffer to the stream when flushed.
 *
 * {@snippet :
 * // Each frame is a string followed by a NUL byte.
 * Encoder<String> nulTerminated = (item, dst) -> dst.put(item.getBytes(StandardCharsets.UTF_8)).put((byte) 0);
 * }
 *
 * @param <T> the type of the frames
 */
@FunctionalInterface
public interface Encoder<T> {

    /**
     * Appends the encoding of {@code item} to {@code dst}. If it throws, whatever it appended is removed
     * by the caller ({@link FramedWrite} truncates the buffer back).
     *
     * @throws CodecException        if {@code item} cannot be encoded
     * @throws FrameTooLongException if {@code item} is over the codec's maximum
     */
    void encode(T item, ByteBuf dst);
}
