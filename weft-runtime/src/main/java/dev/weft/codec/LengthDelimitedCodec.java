package dev.weft.codec;

import dev.weft.io.ByteBuf;

import java.nio.ByteBuffer;

/*
 * Implementation notes.
 *
 * Tokio's LengthDelimitedCodec (tokio-util/src/codec/length_delimited.rs). A frame on the wire:
 *
 *   | lengthFieldOffset bytes | length field (1-8 bytes) | ... | payload |
 *   |<------------------------- header: max(offset + width, numSkip) ---->|
 *
 * Decoding has two states: reading the header (pendingLength < 0) and waiting for a payload whose
 * length is known (pendingLength >= 0). The header is read only when all of it is buffered; the field
 * value (unsigned, up to 64 bits) is checked against maxFrameLength *before* the adjustment, as Tokio
 * does, and before anything is consumed or allocated; then the frame length is value +
 * lengthAdjustment, numSkip bytes are consumed (offset + width by default), and the payload is the next
 * frame-length bytes, copied into a fresh buffer. A header whose frame length is negative or too large
 * for a Java array is a CodecException.
 *
 * Encoding writes the length field alone (no offset bytes, as in Tokio) followed by the payload; the
 * field holds payload length - lengthAdjustment. The maximum frame length is capped at the largest
 * value the field can hold plus the adjustment, so every accepted payload fits its field.
 *
 * A codec keeps decoding state, so each stream has its own; the Builder makes fresh ones.
 */

/**
 * A codec for frames preceded by their length: Tokio's {@code LengthDelimitedCodec}. Decoded frames
 * and frames to encode are {@link ByteBuffer}s holding the payload. The wire format is configured with
 * a {@link Builder}: the width of the length field (1 to 8 bytes), its byte order, its offset from the
 * start of the frame, an adjustment added to its value, how many header bytes to skip before the
 * payload, and the maximum frame length (8 MiB by default).
 *
 * {@snippet :
 * // A 2-byte little-endian length, then the payload.
 * LengthDelimitedCodec codec = LengthDelimitedCodec.builder()
 *         .lengthFieldLength(2)
 *         .littleEndian()
 *         .maxFrameLength(64 * 1024)
 *         .build();
 * ByteBuf wire = new ByteBuf();
 * codec.encode(ByteBuffer.wrap(new byte[] {42, 43}), wire);   // 02 00 2A 2B
 * ByteBuffer frame = codec.decode(wire.readable());           // 2A 2B
 * }
 *
 * <p>A frame whose length field is over the maximum is a {@link FrameTooLongException}, decided from
 * the header alone: nothing is buffered or allocated for it. The header stays in the buffer, so
 * decoding cannot go on; close the stream. A stream that ends inside a frame is a
 * {@link CodecException}.
 *
 * <p>The codec keeps decoding state: use one per stream.
 */
public final class LengthDelimitedCodec implements Decoder<ByteBuffer>, Encoder<ByteBuffer> {

    /** The maximum frame length of a codec built without one: 8 MiB. */
    public static final int DEFAULT_MAX_FRAME_LENGTH = 8 * 1024 * 1024;

    private final int fieldLength;
    private final int fieldOffset;
    private final int adjustment;
    private final int skip;
    private final int headerLength;
    private final boolean bigEndian;
    private final int maxFrameLength;
    private int pendingLength = -1;

    /** A codec with the defaults: a 4-byte big-endian length at offset 0, frames up to 8 MiB. */
    public LengthDelimitedCodec() {
        this(new Builder());
    }

    private LengthDelimitedCodec(Builder builder) {
        fieldLength = builder.lengthFieldLength;
        fieldOffset = builder.lengthFieldOffset;
        adjustment = builder.lengthAdjustment;
        skip = builder.numSkip >= 0 ? builder.numSkip : fieldOffset + fieldLength;
        headerLength = Math.max(fieldOffset + fieldLength, skip);
        bigEndian = builder.bigEndian;
        maxFrameLength = (int) Math.min(builder.maxFrameLength, largestExpressible(fieldLength, adjustment));
    }

    /** A builder with the defaults of {@link #LengthDelimitedCodec()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** The largest frame accepted: its length field's value when decoding, its payload when encoding. */
    public int maxFrameLength() {
        return maxFrameLength;
    }

    /**
     * The next frame's payload (a new buffer, positioned at 0), or {@code null} if it has not all
     * arrived.
     *
     * @throws FrameTooLongException if the length field is over {@link #maxFrameLength()}; the header is
     *                               left in {@code src}
     * @throws CodecException        if the adjusted frame length is negative or too large to allocate
     */
    @Override
    public ByteBuffer decode(ByteBuffer src) {
        if (pendingLength < 0) {
            if (src.remaining() < headerLength) {
                return null;
            }
            pendingLength = frameLength(src);
            src.position(src.position() + skip);
        }
        if (src.remaining() < pendingLength) {
            return null;
        }
        ByteBuffer frame = ByteBuffer.allocate(pendingLength);
        frame.put(0, src, src.position(), pendingLength);
        src.position(src.position() + pendingLength);
        pendingLength = -1;
        return frame;
    }

    private int frameLength(ByteBuffer src) {
        long value = 0;
        int at = src.position() + fieldOffset;
        for (int i = 0; i < fieldLength; i++) {
            int b = src.get(bigEndian ? at + i : at + fieldLength - 1 - i) & 0xFF;
            value = (value << 8) | b;
        }
        if (Long.compareUnsigned(value, maxFrameLength) > 0) {
            throw new FrameTooLongException("length field of " + Long.toUnsignedString(value)
                    + " bytes is over the maximum frame length of " + maxFrameLength, maxFrameLength);
        }
        long length = value + adjustment;
        if (length < 0 || length > ByteBuf.MAX_CAPACITY) {
            throw new CodecException("length field of " + value + " with an adjustment of " + adjustment
                    + " gives a frame length of " + length + ", outside [0, " + ByteBuf.MAX_CAPACITY + "]");
        }
        return (int) length;
    }

    /**
     * Decodes as {@link #decode}, then fails if the stream ended inside a frame.
     *
     * @throws CodecException if bytes of an incomplete frame (or a frame's header without its payload)
     *                        are left
     */
    @Override
    public ByteBuffer decodeEof(ByteBuffer src) {
        ByteBuffer frame = decode(src);
        if (frame == null && (pendingLength >= 0 || src.hasRemaining())) {
            String expected = pendingLength >= 0 ? "a frame of " + pendingLength + " bytes" : "a header of "
                    + headerLength + " bytes";
            throw new CodecException("the stream ended after " + src.remaining() + " bytes of " + expected);
        }
        return frame;
    }

    /**
     * Appends the length field and the payload: the bytes between {@code payload}'s position and limit
     * (its position does not move).
     *
     * @throws FrameTooLongException if the payload is longer than {@link #maxFrameLength()}
     * @throws CodecException        if the payload is shorter than a negative adjustment requires
     */
    @Override
    public void encode(ByteBuffer payload, ByteBuf dst) {
        int length = payload.remaining();
        if (length > maxFrameLength) {
            throw new FrameTooLongException("payload of " + length + " bytes is over the maximum frame length of "
                    + maxFrameLength, maxFrameLength);
        }
        long value = (long) length - adjustment;
        if (value < 0) {
            throw new CodecException("payload of " + length + " bytes with a length adjustment of " + adjustment
                    + " gives a negative length field");
        }
        dst.ensureWritable(fieldLength + length);
        for (int i = 0; i < fieldLength; i++) {
            int shift = 8 * (bigEndian ? fieldLength - 1 - i : i);
            dst.put((byte) (value >>> shift));
        }
        dst.put(payload.duplicate());
    }

    /** The largest payload a field of this width can describe; fields of 4 bytes or more exceed any int. */
    private static long largestExpressible(int fieldLength, int adjustment) {
        if (fieldLength >= 4) {
            return Integer.MAX_VALUE;
        }
        return Math.max(0, (1L << (8 * fieldLength)) - 1 + adjustment);
    }

    @Override
    public String toString() {
        return "LengthDelimitedCodec[fieldLength=" + fieldLength + ", fieldOffset=" + fieldOffset + ", adjustment="
                + adjustment + ", skip=" + skip + ", " + (bigEndian ? "big" : "little") + "-endian, maxFrameLength="
                + maxFrameLength + "]";
    }

    /**
     * Configures a {@link LengthDelimitedCodec}; Tokio's {@code length_delimited::Builder}. Defaults: a
     * 4-byte big-endian length field at offset 0, no adjustment, the header skipped, frames up to 8 MiB.
     *
     * {@snippet :
     * // A 1-byte version, then a 2-byte length that counts the whole frame (version and length
     * // included); decoded frames are what follows the length field.
     * LengthDelimitedCodec codec = LengthDelimitedCodec.builder()
     *         .lengthFieldOffset(1)
     *         .lengthFieldLength(2)
     *         .lengthAdjustment(-3)
     *         .numSkip(3)
     *         .build();
     * }
     */
    public static final class Builder {

        private int maxFrameLength = DEFAULT_MAX_FRAME_LENGTH;
        private int lengthFieldLength = 4;
        private int lengthFieldOffset;
        private int lengthAdjustment;
        private int numSkip = -1;
        private boolean bigEndian = true;

        private Builder() {
        }

        /** The length field is big-endian (network order; the default). */
        public Builder bigEndian() {
            bigEndian = true;
            return this;
        }

        /** The length field is little-endian. */
        public Builder littleEndian() {
            bigEndian = false;
            return this;
        }

        /**
         * The largest length field value accepted when decoding (before the adjustment), and the largest
         * payload accepted when encoding. Capped at what the length field can express.
         *
         * @throws IllegalArgumentException if {@code maxFrameLength} is negative
         */
        public Builder maxFrameLength(int maxFrameLength) {
            if (maxFrameLength < 0) {
                throw new IllegalArgumentException("maxFrameLength < 0: " + maxFrameLength);
            }
            this.maxFrameLength = maxFrameLength;
            return this;
        }

        /**
         * The width of the length field, in bytes.
         *
         * @throws IllegalArgumentException if {@code bytes} is not within [1, 8]
         */
        public Builder lengthFieldLength(int bytes) {
            if (bytes < 1 || bytes > 8) {
                throw new IllegalArgumentException("lengthFieldLength is not within [1, 8]: " + bytes);
            }
            this.lengthFieldLength = bytes;
            return this;
        }

        /**
         * How many bytes come before the length field (decoding only).
         *
         * @throws IllegalArgumentException if {@code bytes} is negative
         */
        public Builder lengthFieldOffset(int bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("lengthFieldOffset < 0: " + bytes);
            }
            this.lengthFieldOffset = bytes;
            return this;
        }

        /**
         * What to add to the length field's value to get the number of bytes that follow the skipped
         * header: negative when the field counts header bytes, positive when bytes follow that it does
         * not count.
         */
        public Builder lengthAdjustment(int adjustment) {
            this.lengthAdjustment = adjustment;
            return this;
        }

        /**
         * How many bytes to skip from the start of a frame before its payload (decoding only); by
         * default the offset plus the field width, so the payload starts after the length field. Zero
         * keeps the whole header in the decoded frame.
         *
         * @throws IllegalArgumentException if {@code bytes} is negative
         */
        public Builder numSkip(int bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("numSkip < 0: " + bytes);
            }
            this.numSkip = bytes;
            return this;
        }

        /** A new codec with this configuration. */
        public LengthDelimitedCodec build() {
            return new LengthDelimitedCodec(this);
        }
    }
}
