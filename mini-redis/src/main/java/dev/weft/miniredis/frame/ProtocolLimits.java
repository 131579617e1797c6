package dev.weft.miniredis.frame;

/**
 * The bounds a parser enforces before it trusts a header: a frame that announces more is a
 * {@link ProtocolException} at once, before any of its bytes are buffered or allocated.
 *
 * {@snippet :
 * ProtocolLimits small = new ProtocolLimits(1024 * 1024, 1024, 4096, 8 * 1024 * 1024);
 * RequestParser parser = new RequestParser(small);
 * }
 *
 * @param maxBulkLength   the longest bulk string, in bytes; Redis's {@code proto-max-bulk-len}, 512 MiB by default
 * @param maxArrayLength  the most elements of an array (Redis's multibulk count); 1024 * 1024 by default
 * @param maxInlineLength the longest inline command and the longest header line, in bytes; 64 KiB as in Redis
 * @param maxFrameLength  the most bytes one frame may span, headers included, at most
 *                        {@code Integer.MAX_VALUE - 8}; 1 GiB by default (Redis's {@code client-query-buffer-limit})
 */
public record ProtocolLimits(long maxBulkLength, int maxArrayLength, int maxInlineLength, long maxFrameLength) {

    /** The longest frame a {@code ByteBuffer} can hold whole. */
    public static final long LARGEST_FRAME = Integer.MAX_VALUE - 8;

    /** Redis's defaults: 512 MiB bulk strings, 1 Mi elements, 64 KiB inline requests, 1 GiB frames. */
    public static final ProtocolLimits DEFAULT =
            new ProtocolLimits(512L * 1024 * 1024, 1024 * 1024, 64 * 1024, 1024L * 1024 * 1024);

    /** @throws IllegalArgumentException if a limit is not positive, or the frame limit exceeds {@link #LARGEST_FRAME} */
    public ProtocolLimits {
        if (maxBulkLength <= 0) {
            throw new IllegalArgumentException("maxBulkLength <= 0: " + maxBulkLength);
        }
        if (maxArrayLength <= 0) {
            throw new IllegalArgumentException("maxArrayLength <= 0: " + maxArrayLength);
        }
        if (maxInlineLength <= 0) {
            throw new IllegalArgumentException("maxInlineLength <= 0: " + maxInlineLength);
        }
        if (maxFrameLength <= 0 || maxFrameLength > LARGEST_FRAME) {
            throw new IllegalArgumentException("maxFrameLength not in 1.." + LARGEST_FRAME + ": " + maxFrameLength);
        }
    }
}
