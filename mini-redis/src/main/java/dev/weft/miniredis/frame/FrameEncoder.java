package dev.weft.miniredis.frame;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes frames as RESP2 bytes into one growable buffer, so that a server can encode every reply of a
 * pipelined batch and send them with a single write. Numbers and ASCII text are written straight into
 * the buffer: encoding a reply allocates nothing unless the buffer has to grow.
 *
 * {@snippet :
 * FrameEncoder encoder = new FrameEncoder();
 * encoder.encode(Frame.OK);
 * encoder.writeArrayHeader(2);
 * encoder.writeBulk("hello".getBytes(StandardCharsets.UTF_8));
 * encoder.writeNullBulk();
 * ByteBuffer toSend = encoder.readable();   // +OK\r\n*2\r\n$5\r\nhello\r\n$-1\r\n
 * encoder.clear();                          // after the bytes were written out
 * }
 *
 * <p>Not thread-safe: an encoder belongs to one connection.
 *
 * <h2>Cancellation</h2>
 * Nothing here waits.
 */
public final class FrameEncoder {

    /** A buffer grown beyond this is given back by {@link #clear()}, so one huge reply is not kept around. */
    private static final int RETAINED_CAPACITY = 64 * 1024;
    private static final int INITIAL_CAPACITY = 4 * 1024;
    private static final int MAX_CAPACITY = Integer.MAX_VALUE - 8;
    private static final byte[] LONG_MIN = Long.toString(Long.MIN_VALUE).getBytes(StandardCharsets.US_ASCII);

    private byte[] bytes = new byte[INITIAL_CAPACITY];
    private int count;

    /** Appends {@code frame}, arrays with all their elements. */
    public void encode(Frame frame) {
        switch (frame) {
            case Frame.Simple simple -> writeSimple(simple.text());
            case Frame.Error error -> writeError(error.message());
            case Frame.Integer integer -> writeInteger(integer.value());
            case Frame.Bulk bulk -> writeBulk(bulk.bytes());
            case Frame.NullBulk ignored -> writeNullBulk();
            case Frame.Array array -> {
                writeArrayHeader(array.elements().size());
                for (Frame element : array.elements()) {
                    encode(element);
                }
            }
            case Frame.NullArray ignored -> writeNullArray();
        }
    }

    /**
     * Appends {@code +text\r\n}.
     *
     * @throws IllegalArgumentException if {@code text} contains CR or LF
     */
    public void writeSimple(String text) {
        writeLine('+', text);
    }

    /**
     * Appends {@code -message\r\n}.
     *
     * @throws IllegalArgumentException if {@code message} contains CR or LF
     */
    public void writeError(String message) {
        writeLine('-', message);
    }

    /** Appends {@code :value\r\n}. */
    public void writeInteger(long value) {
        put((byte) ':');
        writeDecimal(value);
        writeCrLf();
    }

    /** Appends {@code $length\r\nbytes\r\n}. */
    public void writeBulk(byte[] value) {
        put((byte) '$');
        writeDecimal(value.length);
        writeCrLf();
        ensureRoom(value.length + 2);
        System.arraycopy(value, 0, bytes, count, value.length);
        count += value.length;
        writeCrLf();
    }

    /** Appends the null bulk string, {@code $-1\r\n}. */
    public void writeNullBulk() {
        put((byte) '$');
        writeDecimal(-1);
        writeCrLf();
    }

    /** Appends {@code *size\r\n}; the caller then writes the {@code size} elements. */
    public void writeArrayHeader(int size) {
        put((byte) '*');
        writeDecimal(size);
        writeCrLf();
    }

    /** Appends the null array, {@code *-1\r\n}. */
    public void writeNullArray() {
        put((byte) '*');
        writeDecimal(-1);
        writeCrLf();
    }

    /** The number of bytes written since the last {@link #clear()}. */
    public int size() {
        return count;
    }

    /**
     * The bytes written so far, as a read-mode buffer sharing this encoder's storage (no copy). Valid until
     * the next write or {@link #clear()}.
     */
    public ByteBuffer readable() {
        return ByteBuffer.wrap(bytes, 0, count);
    }

    /** A copy of the bytes written so far. */
    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, count);
    }

    /** Forgets the bytes written; a buffer that grew large for one reply is released. */
    public void clear() {
        count = 0;
        if (bytes.length > RETAINED_CAPACITY) {
            bytes = new byte[INITIAL_CAPACITY];
        }
    }

    private void writeLine(char type, String text) {
        put((byte) type);
        int length = text.length();
        ensureRoom(length);
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                writeUtf8(text, i);
                break;
            }
            if (c == '\r' || c == '\n') {
                throw new IllegalArgumentException("a simple string or error may not contain CR or LF: " + text);
            }
            bytes[count++] = (byte) c;
        }
        writeCrLf();
    }

    /** The rare path: the rest of {@code text}, from {@code from}, holds non-ASCII characters. */
    private void writeUtf8(String text, int from) {
        byte[] encoded = text.substring(from).getBytes(StandardCharsets.UTF_8);
        for (byte b : encoded) {
            if (b == '\r' || b == '\n') {
                throw new IllegalArgumentException("a simple string or error may not contain CR or LF: " + text);
            }
        }
        ensureRoom(encoded.length);
        System.arraycopy(encoded, 0, bytes, count, encoded.length);
        count += encoded.length;
    }

    private void writeDecimal(long value) {
        if (value == Long.MIN_VALUE) {
            ensureRoom(LONG_MIN.length);
            System.arraycopy(LONG_MIN, 0, bytes, count, LONG_MIN.length);
            count += LONG_MIN.length;
            return;
        }
        if (value < 0) {
            put((byte) '-');
            value = -value;
        }
        int digits = 1;
        for (long rest = value / 10; rest != 0; rest /= 10) {
            digits++;
        }
        ensureRoom(digits);
        int index = count + digits;
        do {
            bytes[--index] = (byte) ('0' + value % 10);
            value /= 10;
        } while (value != 0);
        count += digits;
    }

    private void writeCrLf() {
        ensureRoom(2);
        bytes[count++] = '\r';
        bytes[count++] = '\n';
    }

    private void put(byte b) {
        ensureRoom(1);
        bytes[count++] = b;
    }

    private void ensureRoom(long needed) {
        long required = count + needed;
        if (required > bytes.length) {
            if (required > MAX_CAPACITY) {
                throw new IllegalStateException("replies exceed " + MAX_CAPACITY + " bytes: " + required);
            }
            bytes = Arrays.copyOf(bytes, (int) Math.min(MAX_CAPACITY, Math.max(required, 2L * bytes.length)));
        }
    }
}
