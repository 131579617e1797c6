package dev.weft.miniredis.frame;

import java.nio.ByteBuffer;

/*
 * Implementation notes.
 *
 * Finds the end of a header line for the parsers, resumably: when the line is not complete yet, the
 * search remembers how far it looked, so bytes arriving one at a time are each looked at once, not once
 * per arrival (a client dribbling a 64 KiB line would otherwise cost 2 G comparisons).
 *
 * Offsets are relative to the frame's first byte (the buffer's position when the check started), so
 * they survive the caller compacting its buffer between checks. Like Redis's processMultibulkBuffer, a
 * line ends at CR and needs one more byte after it, which is skipped without being checked to be LF.
 * Unlike Redis, which gives up on a line only when more than maxInlineLength bytes without CR are
 * buffered (so the outcome depends on how the bytes were split into reads), the limit here applies to
 * the line itself: a line longer than the limit is refused however it arrives.
 */
final class LineSearch {

    private final int maxLineLength;
    private int searchFrom = -1;

    LineSearch(int maxLineLength) {
        this.maxLineLength = maxLineLength;
    }

    /**
     * The offset of the terminator (CR, or LF for inline commands) ending the line that starts at {@code lineStart}, or -1 when it, or the byte
     * after it, has not arrived.
     *
     * @throws ProtocolException "too big {what}" when the line is longer than the limit
     */
    int findEnd(ByteBuffer buffer, int base, int available, int lineStart, byte terminator, String what) {
        int from = Math.max(searchFrom, lineStart);
        // A line of maxLineLength bytes may still end in CR LF when LF is the terminator looked for.
        long limitEnd = (long) lineStart + maxLineLength + (terminator == '\n' ? 2 : 1);
        int end = (int) Math.min(available, limitEnd);
        for (int offset = from; offset < end; offset++) {
            if (buffer.get(base + offset) == terminator) {
                if (terminator == '\r' && offset + 1 >= available) {
                    searchFrom = offset;
                    return -1;
                }
                searchFrom = -1;
                return offset;
            }
        }
        if (available >= limitEnd) {
            throw ProtocolException.tooBig(what);
        }
        searchFrom = end;
        return -1;
    }

    void reset() {
        searchFrom = -1;
    }
}
