package dev.weft.miniredis.frame;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;

/**
 * Reads any RESP2 frame (what a server replies: simple strings, errors, integers, bulk strings, arrays,
 * nested to any depth, and the two nulls) from a buffer of received bytes, in two phases:
 * {@link #check} says whether a whole frame is there without building anything, {@link #parse} builds it
 * and consumes exactly its bytes. Clients use it for replies; servers use {@link RequestParser}, which
 * follows Redis's stricter request rules and accepts inline commands.
 *
 * {@snippet :
 * FrameParser parser = new FrameParser(ProtocolLimits.DEFAULT);
 * ByteBuffer received = ByteBuffer.wrap("*2\r\n$1\r\na\r\n$-1\r\n".getBytes(StandardCharsets.US_ASCII));
 * if (parser.check(received)) {
 *     Frame reply = parser.parse(received);   // Array[Bulk[a], NullBulk]
 * }
 * }
 *
 * <p>Malformed input is a {@link ProtocolException}, found as early as possible: a wrong type byte as soon
 * as it arrives, a length beyond the {@link ProtocolLimits} as soon as its header line is complete,
 * before anything is allocated. Header lines must end in CRLF, bulk data must be followed by CRLF, and
 * simple strings and errors may not contain LF.
 *
 * <p>A parser belongs to one connection and is not thread-safe. It remembers how far {@code check} got,
 * so each header is read once however the frame is split into reads: between calls the caller may append
 * bytes and move (compact) the unconsumed ones, but must not drop them (or must call {@link #reset()}).
 *
 * <h2>Cancellation</h2>
 * Nothing here waits.
 */
public final class FrameParser {

    /*
     * Implementation notes.
     *
     * check() needs no stack for nesting: it counts the frames still to check (`pending`, starting at
     * 1); an array of n elements adds n. Offsets are relative to the frame's first byte. `scanOffset` is
     * where the next header starts, possibly beyond the received bytes while a bulk's data is arriving;
     * `terminatorAt` is where the CRLF of the last bulk skipped must be, checked once it has arrived.
     * parse() builds nested arrays with an explicit stack, so depth costs heap, not thread stack.
     */

    private final ProtocolLimits limits;
    private final LineSearch lines;
    private long pending = -1;
    private long scanOffset;
    private long terminatorAt = -1;
    private int frameLength = -1;

    /** A parser enforcing {@code limits}. */
    public FrameParser(ProtocolLimits limits) {
        this.limits = limits;
        this.lines = new LineSearch(limits.maxInlineLength());
    }

    /**
     * True when the bytes from the buffer's position to its limit begin with a whole frame. Reads with
     * absolute gets; the position does not move.
     *
     * @throws ProtocolException when the bytes are not a valid frame, or announce one beyond the limits
     */
    public boolean check(ByteBuffer buffer) {
        if (frameLength >= 0) {
            return true;
        }
        int base = buffer.position();
        int available = buffer.remaining();
        if (pending < 0) {
            pending = 1;
        }
        while (pending > 0) {
            if (scanOffset >= available) {
                return false;
            }
            checkTerminator(buffer, base);
            int start = (int) scanOffset;
            byte type = buffer.get(base + start);
            if ("+-:$*".indexOf(type) < 0) {
                throw new ProtocolException("Protocol error, got '" + RequestParser.printableByte(type)
                        + "' as reply type byte");
            }
            int cr = lines.findEnd(buffer, base, available, start, (byte) '\r', "reply line");
            if (cr < 0) {
                return false;
            }
            if (buffer.get(base + cr + 1) != '\n') {
                throw new ProtocolException("Protocol error: expected LF after CR");
            }
            scanOffset = cr + 2;
            checkHeader(buffer, type, base + start + 1, base + cr);
            if (scanOffset > limits.maxFrameLength()) {
                throw ProtocolException.tooBig("reply");
            }
            pending--;
        }
        if (scanOffset > available) {
            return false;
        }
        checkTerminator(buffer, base);
        frameLength = (int) scanOffset;
        return true;
    }

    /**
     * Builds the frame that {@link #check} found complete and moves the buffer's position past it.
     *
     * @throws IllegalStateException if {@code check} has not returned true for this frame
     */
    public Frame parse(ByteBuffer buffer) {
        if (frameLength < 0) {
            throw new IllegalStateException("parse() needs a complete frame: call check() until it returns true");
        }
        int base = buffer.position();
        ArrayDeque<PartialArray> open = new ArrayDeque<>();
        int index = base;
        while (true) {
            byte type = buffer.get(index);
            int lineStart = index + 1;
            int cr = lineStart;
            while (buffer.get(cr) != '\r') {
                cr++;
            }
            index = cr + 2;
            Frame completed;
            switch (type) {
                case '+' -> completed = new Frame.Simple(utf8(buffer, lineStart, cr));
                case '-' -> completed = new Frame.Error(utf8(buffer, lineStart, cr));
                case ':' -> completed = Frame.integer(checkedNumber(buffer, lineStart, cr));
                case '$' -> {
                    int length = (int) checkedNumber(buffer, lineStart, cr);
                    if (length < 0) {
                        completed = Frame.NULL_BULK;
                    } else {
                        byte[] bytes = new byte[length];
                        buffer.get(index, bytes);
                        index += length + 2;
                        completed = Frame.bulk(bytes);
                    }
                }
                default -> {
                    int count = (int) checkedNumber(buffer, lineStart, cr);
                    if (count > 0) {
                        open.push(new PartialArray(count));
                        continue;
                    }
                    completed = count == 0 ? Frame.EMPTY_ARRAY : Frame.NULL_ARRAY;
                }
            }
            while (completed != null && !open.isEmpty()) {
                PartialArray top = open.peek();
                top.elements[top.filled++] = completed;
                completed = null;
                if (top.filled == top.elements.length) {
                    open.pop();
                    completed = new Frame.Array(List.of(top.elements));
                }
            }
            if (completed != null) {
                buffer.position(base + frameLength);
                reset();
                return completed;
            }
        }
    }

    /** Forgets the progress of {@link #check}, for a caller that drops the unconsumed bytes. */
    public void reset() {
        pending = -1;
        scanOffset = 0;
        terminatorAt = -1;
        frameLength = -1;
        lines.reset();
    }

    private void checkHeader(ByteBuffer buffer, byte type, int from, int to) {
        switch (type) {
            case '+', '-' -> {
                for (int i = from; i < to; i++) {
                    if (buffer.get(i) == '\n') {
                        throw new ProtocolException("Protocol error: line feed in a simple string or error");
                    }
                }
            }
            case ':' -> RespIntegers.parse(buffer, from, to, () -> new ProtocolException("Protocol error: invalid integer"));
            case '$' -> {
                long length = RespIntegers.parse(buffer, from, to, ProtocolException::invalidBulkLength);
                if (length < -1 || length > limits.maxBulkLength()) {
                    throw ProtocolException.invalidBulkLength();
                }
                if (length >= 0) {
                    scanOffset += length + 2;
                    terminatorAt = scanOffset - 2;
                }
            }
            default -> {
                long count = RespIntegers.parse(buffer, from, to, ProtocolException::invalidMultibulkLength);
                if (count < -1 || count > limits.maxArrayLength()) {
                    throw ProtocolException.invalidMultibulkLength();
                }
                pending += Math.max(count, 0);
            }
        }
    }

    private void checkTerminator(ByteBuffer buffer, int base) {
        if (terminatorAt >= 0) {
            int at = base + (int) terminatorAt;
            if (buffer.get(at) != '\r' || buffer.get(at + 1) != '\n') {
                throw new ProtocolException("Protocol error: expected CRLF after bulk data");
            }
            terminatorAt = -1;
        }
    }

    /** A number check() has already validated. */
    private static long checkedNumber(ByteBuffer buffer, int from, int to) {
        return RespIntegers.parse(buffer, from, to, ProtocolException::invalidBulkLength);
    }

    private static String utf8(ByteBuffer buffer, int from, int to) {
        byte[] bytes = new byte[to - from];
        buffer.get(from, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** An array being filled by parse(). */
    private static final class PartialArray {
        final Frame[] elements;
        int filled;

        PartialArray(int size) {
            elements = new Frame[size];
        }
    }
}
