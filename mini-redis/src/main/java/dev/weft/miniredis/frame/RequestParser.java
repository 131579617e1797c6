package dev.weft.miniredis.frame;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * Reads client requests from a connection's buffer of received bytes, in two phases, as Redis does:
 * {@link #check} says whether a whole request is there (without building anything), then
 * {@link #parse} builds it and consumes exactly its bytes. A request is either RESP (an array of bulk
 * strings, {@code *2\r\n$3\r\nGET\r\n$1\r\nk\r\n}; simple strings are accepted as arguments too) or an
 * inline command (a line such as {@code GET k}, split as Redis splits it, quotes included). Either way
 * {@code parse} returns an {@link Frame.Array} of {@link Frame.Bulk}; an empty array stands for an empty
 * request ({@code *0}, {@code *-1} or a blank line), to which Redis sends no reply.
 *
 * {@snippet :
 * RequestParser parser = new RequestParser(ProtocolLimits.DEFAULT);
 * ByteBuffer received = ByteBuffer.wrap("*1\r\n$4\r\nPING\r\nGET k\r\n".getBytes(StandardCharsets.US_ASCII));
 * List<Frame> requests = new ArrayList<>();
 * while (parser.check(received)) {
 *     requests.add(parser.parse(received));   // PING, then GET k
 * }
 * }
 *
 * <p>Malformed input is a {@link ProtocolException} with Redis's message. Every bound of the
 * {@link ProtocolLimits} is enforced from the headers alone: a request announcing a 600 MiB bulk string
 * fails at once, and one announcing 512 MiB allocates nothing until all its bytes have arrived.
 *
 * <p>A parser belongs to one connection and is not thread-safe. It remembers how far {@code check} got,
 * so each byte is looked at once however the request is split into reads: between calls the caller may
 * append bytes and move (compact) the unconsumed ones, but must not drop them (or must call
 * {@link #reset()}).
 *
 * <h2>Cancellation</h2>
 * Nothing here waits.
 */
public final class RequestParser {

    /*
     * Implementation notes.
     *
     * Follows processInlineBuffer and processMultibulkBuffer of Redis's networking.c: the first byte
     * decides ('*' is RESP, anything else inline); a multibulk count that is not an integer, or above the
     * array limit, is "invalid multibulk length", and a count <= 0 an empty request; an element must be
     * '$' (or '+', which Redis refuses but the issue asks for, like Tokio's mini-redis); a bulk length
     * that is not an integer, negative or above the limit is "invalid bulk length"; the two bytes after
     * a bulk's data are skipped unchecked, as Redis skips them.
     *
     * check() state, all offsets relative to the request's first byte: `scanOffset` is where the next
     * element header starts (it may lie beyond the received bytes while a bulk's data is arriving: no
     * byte of the data is looked at), `elementsLeft` how many elements are still unchecked (-1 before
     * the count is read). Once complete, `frameLength` is the request's length and parse() reads the
     * headers again (they are short) to build it.
     */

    private static final int UNKNOWN = 0;
    private static final int MULTIBULK = 1;
    private static final int INLINE = 2;

    private final ProtocolLimits limits;
    private final LineSearch lines;
    private int kind = UNKNOWN;
    private long elementsLeft = -1;
    private long scanOffset;
    private int frameLength = -1;

    /** A parser enforcing {@code limits}. */
    public RequestParser(ProtocolLimits limits) {
        this.limits = limits;
        this.lines = new LineSearch(limits.maxInlineLength());
    }

    /**
     * True when the bytes from the buffer's position to its limit begin with a whole request. Reads with
     * absolute gets; the position does not move.
     *
     * @throws ProtocolException when the bytes are not a valid request, or announce one beyond the limits
     */
    public boolean check(ByteBuffer buffer) {
        if (frameLength >= 0) {
            return true;
        }
        int available = buffer.remaining();
        if (available == 0) {
            return false;
        }
        int base = buffer.position();
        if (kind == UNKNOWN) {
            kind = buffer.get(base) == '*' ? MULTIBULK : INLINE;
        }
        return kind == INLINE ? checkInline(buffer, base, available) : checkMultibulk(buffer, base, available);
    }

    /**
     * Builds the request that {@link #check} found complete and moves the buffer's position past it.
     *
     * @return an array of bulk strings, empty for an empty request
     * @throws IllegalStateException if {@code check} has not returned true for this request
     */
    public Frame.Array parse(ByteBuffer buffer) {
        if (frameLength < 0) {
            throw new IllegalStateException("parse() needs a complete request: call check() until it returns true");
        }
        int base = buffer.position();
        Frame.Array request = kind == INLINE ? parseInline(buffer, base) : parseMultibulk(buffer, base);
        buffer.position(base + frameLength);
        reset();
        return request;
    }

    /** Forgets the progress of {@link #check}, for a caller that drops the unconsumed bytes. */
    public void reset() {
        kind = UNKNOWN;
        elementsLeft = -1;
        scanOffset = 0;
        frameLength = -1;
        lines.reset();
    }

    private boolean checkInline(ByteBuffer buffer, int base, int available) {
        int newline = lines.findEnd(buffer, base, available, 0, (byte) '\n', "inline request");
        if (newline < 0) {
            return false;
        }
        frameLength = newline + 1;
        return true;
    }

    private boolean checkMultibulk(ByteBuffer buffer, int base, int available) {
        if (elementsLeft < 0) {
            int cr = lines.findEnd(buffer, base, available, 0, (byte) '\r', "mbulk count string");
            if (cr < 0) {
                return false;
            }
            long count = RespIntegers.parse(buffer, base + 1, base + cr, ProtocolException::invalidMultibulkLength);
            if (count > limits.maxArrayLength()) {
                throw ProtocolException.invalidMultibulkLength();
            }
            elementsLeft = Math.max(count, 0);
            scanOffset = cr + 2;
        }
        while (elementsLeft > 0) {
            if (scanOffset >= available) {
                return false;
            }
            int headerStart = (int) scanOffset;
            int cr = lines.findEnd(buffer, base, available, headerStart, (byte) '\r', "bulk count string");
            if (cr < 0) {
                return false;
            }
            scanOffset = cr + 2 + checkedDataLength(buffer, base + headerStart, base + cr);
            if (scanOffset > limits.maxFrameLength()) {
                throw ProtocolException.tooBig("request");
            }
            elementsLeft--;
        }
        if (scanOffset > available) {
            return false;
        }
        frameLength = (int) scanOffset;
        return true;
    }

    /** The bytes following the header line at {@code [start, cr)}: a bulk's data and its CRLF, or none. */
    private long checkedDataLength(ByteBuffer buffer, int start, int cr) {
        byte type = buffer.get(start);
        if (type == '+') {
            return 0;
        }
        if (type != '$') {
            throw new ProtocolException("Protocol error: expected '$', got '" + printableByte(type) + "'");
        }
        long length = RespIntegers.parse(buffer, start + 1, cr, ProtocolException::invalidBulkLength);
        if (length < 0 || length > limits.maxBulkLength()) {
            throw ProtocolException.invalidBulkLength();
        }
        return length + 2;
    }

    private Frame.Array parseInline(ByteBuffer buffer, int base) {
        int end = base + frameLength - 1;
        if (end > base && buffer.get(end - 1) == '\r') {
            end--;
        }
        List<Frame> arguments = InlineSplitter.split(buffer, base, end);
        return arguments.isEmpty() ? Frame.EMPTY_ARRAY : new Frame.Array(arguments);
    }

    private Frame.Array parseMultibulk(ByteBuffer buffer, int base) {
        int cr = crFrom(buffer, base);
        int count = (int) Math.max(0, RespIntegers.parse(buffer, base + 1, cr, ProtocolException::invalidMultibulkLength));
        if (count == 0) {
            return Frame.EMPTY_ARRAY;
        }
        Frame[] arguments = new Frame[count];
        int index = cr + 2;
        for (int i = 0; i < count; i++) {
            int headerEnd = crFrom(buffer, index);
            byte[] bytes;
            if (buffer.get(index) == '+') {
                bytes = new byte[headerEnd - index - 1];
                buffer.get(index + 1, bytes);
                index = headerEnd + 2;
            } else {
                int length = (int) RespIntegers.parse(buffer, index + 1, headerEnd, ProtocolException::invalidBulkLength);
                bytes = new byte[length];
                buffer.get(headerEnd + 2, bytes);
                index = headerEnd + 2 + length + 2;
            }
            arguments[i] = Frame.bulk(bytes);
        }
        return new Frame.Array(List.of(arguments));
    }

    private static int crFrom(ByteBuffer buffer, int index) {
        while (buffer.get(index) != '\r') {
            index++;
        }
        return index;
    }

    /** Redis maps CR and LF in error messages to spaces so the reply stays one line. */
    static char printableByte(byte b) {
        return b == '\r' || b == '\n' ? ' ' : (char) (b & 0xff);
    }
}
