package dev.weft.miniredis.frame;

/**
 * Malformed RESP: thrown by {@link RequestParser} and {@link FrameParser} when the bytes cannot be a
 * frame, or announce one beyond the {@link ProtocolLimits}. The message is Redis's wording, for example
 * {@code Protocol error: invalid bulk length}; a server replies {@code -ERR } followed by it and closes
 * the connection, as Redis does, because the rest of the stream cannot be trusted.
 *
 * {@snippet :
 * try {
 *     RequestParser parser = new RequestParser(ProtocolLimits.DEFAULT);
 *     parser.check(ByteBuffer.wrap("*1\r\n$-5\r\n".getBytes(StandardCharsets.US_ASCII)));
 * } catch (ProtocolException e) {
 *     String reply = "-ERR " + e.getMessage();   // -ERR Protocol error: invalid bulk length
 * }
 * }
 */
public final class ProtocolException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A protocol error with Redis's message, for example {@code Protocol error: invalid bulk length}. */
    public ProtocolException(String message) {
        super(message, null, false, false);
    }

    static ProtocolException invalidBulkLength() {
        return new ProtocolException("Protocol error: invalid bulk length");
    }

    static ProtocolException invalidMultibulkLength() {
        return new ProtocolException("Protocol error: invalid multibulk length");
    }

    static ProtocolException tooBig(String what) {
        return new ProtocolException("Protocol error: too big " + what);
    }
}
