package dev.weft.miniredis.frame;

import java.nio.ByteBuffer;
import java.util.function.Supplier;

/**
 * Parses signed 64-bit decimal integers exactly as Redis's {@code string2ll} does: an optional {@code -},
 * then {@code 0} alone or a digit 1-9 followed by digits, at most 20 characters, in range. No {@code +},
 * no spaces, no leading zeros, no {@code -0}. Header lengths, {@code INCRBY} amounts and expiry times all
 * go through it, so every part of mini-redis agrees with Redis on what is a number.
 *
 * {@snippet :
 * long value = RespIntegers.parse("-42".getBytes(StandardCharsets.US_ASCII),
 *         () -> new IllegalArgumentException("not a number"));
 * }
 */
public final class RespIntegers {

    /** Redis's {@code LONG_STR_SIZE}: a number spans fewer characters than this. */
    private static final int MAX_CHARS = 21;

    private RespIntegers() {
    }

    /**
     * The integer that {@code bytes} spell, or the exception {@code invalid} supplies.
     *
     * @throws RuntimeException the one {@code invalid} supplies, when the bytes are not an integer in range
     */
    public static long parse(byte[] bytes, Supplier<? extends RuntimeException> invalid) {
        return parse(ByteBuffer.wrap(bytes), 0, bytes.length, invalid);
    }

    /**
     * The integer spelled by the bytes of {@code buffer} from index {@code from} (inclusive) to {@code to}
     * (exclusive), read with absolute gets; the buffer's position does not move.
     *
     * @throws RuntimeException the one {@code invalid} supplies, when the bytes are not an integer in range
     */
    public static long parse(ByteBuffer buffer, int from, int to, Supplier<? extends RuntimeException> invalid) {
        int length = to - from;
        if (length <= 0 || length >= MAX_CHARS) {
            throw invalid.get();
        }
        int index = from;
        boolean negative = buffer.get(index) == '-';
        if (negative) {
            index++;
        }
        if (index == to) {
            throw invalid.get();
        }
        byte first = buffer.get(index);
        if (first == '0' && length == 1) {
            return 0;
        }
        if (first < '1' || first > '9') {
            throw invalid.get();
        }
        // Accumulate negatively, so Long.MIN_VALUE fits.
        long value = 0;
        for (; index < to; index++) {
            int digit = buffer.get(index) - '0';
            if (digit < 0 || digit > 9 || value < (Long.MIN_VALUE + digit) / 10) {
                throw invalid.get();
            }
            value = value * 10 - digit;
        }
        if (!negative) {
            if (value == Long.MIN_VALUE) {
                throw invalid.get();
            }
            value = -value;
        }
        return value;
    }
}
