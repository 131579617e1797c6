package dev.weft.runtime.internal.bytes;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Byte-level helpers shared by the line readers of {@code dev.weft.io} and {@code dev.weft.codec}:
 * searching a region of a buffer for a delimiter and decoding a region as strict UTF-8. Every index is
 * absolute; no method moves a buffer's position or limit.
 */
public final class LineBytes {

    private LineBytes() {
    }

    /** The index of the first {@code value} in {@code [from, to)} of {@code buffer}, or -1. */
    public static int indexOf(ByteBuffer buffer, byte value, int from, int to) {
        if (buffer.hasArray()) {
            byte[] array = buffer.array();
            int offset = buffer.arrayOffset();
            for (int i = from + offset, end = to + offset; i < end; i++) {
                if (array[i] == value) {
                    return i - offset;
                }
            }
            return -1;
        }
        for (int i = from; i < to; i++) {
            if (buffer.get(i) == value) {
                return i;
            }
        }
        return -1;
    }

    /** {@code end}, less one if the byte before it (within {@code [start, end)}) is a carriage return. */
    public static int withoutCarriageReturn(ByteBuffer buffer, int start, int end) {
        return end > start && buffer.get(end - 1) == '\r' ? end - 1 : end;
    }

    /**
     * Decodes {@code [from, to)} of {@code buffer} as UTF-8, rejecting malformed input instead of
     * replacing it.
     *
     * @throws CharacterCodingException if the bytes are not valid UTF-8
     */
    public static String decodeUtf8(ByteBuffer buffer, int from, int to) throws CharacterCodingException {
        if (buffer.hasArray() && isAscii(buffer.array(), buffer.arrayOffset() + from, buffer.arrayOffset() + to)) {
            return new String(buffer.array(), buffer.arrayOffset() + from, to - from, StandardCharsets.ISO_8859_1);
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return decoder.decode(buffer.slice(from, to - from)).toString();
    }

    private static boolean isAscii(byte[] array, int from, int to) {
        for (int i = from; i < to; i++) {
            if (array[i] < 0) {
                return false;
            }
        }
        return true;
    }
}
