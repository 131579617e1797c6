package dev.weft.miniredis.db;

import dev.weft.miniredis.frame.Printable;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A binary-safe key: any bytes, compared by content. The array is not copied; nobody may change it
 * afterwards (the parsers hand over fresh arrays).
 *
 * {@snippet :
 * Key key = Key.of("user:1");
 * boolean same = key.equals(Key.of("user:1".getBytes(StandardCharsets.UTF_8)));   // true
 * }
 *
 * <p>Keys are {@link Comparable} (unsigned lexicographic order) so that a hash map whose bucket fills with
 * colliding keys, which a client can provoke on purpose, falls back to a balanced tree instead of a list.
 */
public final class Key implements Comparable<Key> {

    private final byte[] bytes;
    private final int hash;

    private Key(byte[] bytes) {
        this.bytes = bytes;
        this.hash = Arrays.hashCode(bytes);
    }

    /** The key made of {@code bytes} (not copied). */
    public static Key of(byte[] bytes) {
        return new Key(bytes);
    }

    /** The key made of the UTF-8 bytes of {@code text}. */
    public static Key of(String text) {
        return new Key(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The key's bytes, not copied: do not change them. */
    public byte[] bytes() {
        return bytes;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Key key && hash == key.hash && Arrays.equals(bytes, key.bytes);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public int compareTo(Key other) {
        return Arrays.compareUnsigned(bytes, other.bytes);
    }

    @Override
    public String toString() {
        return "Key[" + Printable.of(bytes) + "]";
    }
}
