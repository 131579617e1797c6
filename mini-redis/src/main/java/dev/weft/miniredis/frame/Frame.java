package dev.weft.miniredis.frame;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One RESP2 value: what a client sends (an array of bulk strings) and what a server replies. The seven
 * kinds of the protocol are the records below; {@link FrameParser} and {@link RequestParser} read them,
 * {@link FrameEncoder} writes them.
 *
 * {@snippet :
 * Frame request = Frame.command("SET", "greeting", "hello");
 * Frame reply = Frame.OK;
 * FrameEncoder encoder = new FrameEncoder();
 * encoder.encode(request);   // *3\r\n$3\r\nSET\r\n$8\r\ngreeting\r\n$5\r\nhello\r\n
 * encoder.encode(reply);     // +OK\r\n
 * }
 *
 * <p>Text in simple strings and errors is encoded as UTF-8 and may not contain CR or LF. Bulk strings are
 * binary-safe and are not copied: a {@link Bulk} wraps the array it is given, which nobody should change
 * afterwards.
 *
 * <h2>Cancellation</h2>
 * Frames are plain immutable values; nothing here waits.
 */
public sealed interface Frame {

    /** {@code +OK}. */
    Simple OK = new Simple("OK");
    /** {@code $-1}, the null bulk string (GET of a missing key). */
    NullBulk NULL_BULK = new NullBulk();
    /** {@code *-1}, the null array. */
    NullArray NULL_ARRAY = new NullArray();
    /** {@code *0}. */
    Array EMPTY_ARRAY = new Array(List.of());

    /** A simple string, {@code +text}. */
    record Simple(String text) implements Frame {
        /** @throws IllegalArgumentException if {@code text} contains CR or LF */
        public Simple {
            requireSingleLine(text);
        }
    }

    /**
     * An error, {@code -message}; by convention the message starts with an upper-case code such as
     * {@code ERR} or {@code WRONGTYPE}.
     */
    record Error(String message) implements Frame {
        /** @throws IllegalArgumentException if {@code message} contains CR or LF */
        public Error {
            requireSingleLine(message);
        }
    }

    /** A signed 64-bit integer, {@code :42}. */
    record Integer(long value) implements Frame {
    }

    /** A binary-safe bulk string, {@code $5\r\nhello}. The array is not copied. */
    record Bulk(byte[] bytes) implements Frame {
        /** @throws NullPointerException if {@code bytes} is null (use {@link #NULL_BULK}) */
        public Bulk {
            Objects.requireNonNull(bytes, "bytes");
        }

        /** The bytes decoded as UTF-8. */
        public String utf8() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Bulk bulk && Arrays.equals(bytes, bulk.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "Bulk[" + Printable.of(bytes) + "]";
        }
    }

    /** The null bulk string, {@code $-1}; use {@link #NULL_BULK}. */
    record NullBulk() implements Frame {
    }

    /** An array of frames, {@code *n}; the list is immutable. */
    record Array(List<Frame> elements) implements Frame {
        /** @throws NullPointerException if the list or one of its elements is null */
        public Array {
            elements = List.copyOf(elements);
        }
    }

    /** The null array, {@code *-1}; use {@link #NULL_ARRAY}. */
    record NullArray() implements Frame {
    }

    /** A simple string. */
    static Simple simple(String text) {
        return new Simple(text);
    }

    /** An error reply with the full message, for example {@code "ERR syntax error"}. */
    static Error error(String message) {
        return new Error(message);
    }

    /** An integer. */
    static Integer integer(long value) {
        return new Integer(value);
    }

    /** A bulk string holding {@code bytes} (not copied). */
    static Bulk bulk(byte[] bytes) {
        return new Bulk(bytes);
    }

    /** A bulk string holding the UTF-8 bytes of {@code text}. */
    static Bulk bulk(String text) {
        return new Bulk(text.getBytes(StandardCharsets.UTF_8));
    }

    /** An array of {@code elements}. */
    static Array array(Frame... elements) {
        return new Array(List.of(elements));
    }

    /** A command as clients send it: an array of bulk strings holding the UTF-8 bytes of {@code words}. */
    static Array command(String... words) {
        Frame[] elements = new Frame[words.length];
        for (int i = 0; i < words.length; i++) {
            elements[i] = bulk(words[i]);
        }
        return new Array(List.of(elements));
    }

    private static void requireSingleLine(String text) {
        Objects.requireNonNull(text, "text");
        if (text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("a simple string or error may not contain CR or LF: " + text);
        }
    }
}
