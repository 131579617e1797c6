package dev.weft.miniredis.cmd;

import dev.weft.miniredis.db.Key;
import dev.weft.miniredis.frame.Frame;
import dev.weft.miniredis.frame.RespIntegers;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The words of a request, index 0 being the command's name, with the conversions commands need: keys,
 * Redis integers, case-insensitive option names.
 *
 * {@snippet :
 * Arguments arguments = new Arguments(Frame.command("INCRBY", "counter", "5"));
 * Key key = arguments.key(1);
 * long amount = arguments.integer(2);   // 5; "5x" would be ERR value is not an integer or out of range
 * }
 */
public final class Arguments {

    private final byte[][] words;

    /**
     * The arguments of {@code request}, an array of bulk strings as {@code RequestParser} returns.
     *
     * @throws IllegalArgumentException if an element is not a bulk string
     */
    public Arguments(Frame.Array request) {
        List<Frame> elements = request.elements();
        words = new byte[elements.size()][];
        for (int i = 0; i < words.length; i++) {
            if (!(elements.get(i) instanceof Frame.Bulk bulk)) {
                throw new IllegalArgumentException("a request is an array of bulk strings; element " + i + " is " + elements.get(i));
            }
            words[i] = bulk.bytes();
        }
    }

    /** How many words, the name included. */
    public int count() {
        return words.length;
    }

    /** Word {@code index}, not copied. */
    public byte[] bytes(int index) {
        return words[index];
    }

    /** Word {@code index} as a key. */
    public Key key(int index) {
        return Key.of(words[index]);
    }

    /** Word {@code index} decoded as UTF-8. */
    public String text(int index) {
        return new String(words[index], StandardCharsets.UTF_8);
    }

    /** True when word {@code index} spells {@code lowerCaseWord}, ignoring ASCII case: {@code is(3, "nx")}. */
    public boolean is(int index, String lowerCaseWord) {
        return NameIndex.matches(lowerCaseWord, words[index]);
    }

    /**
     * Word {@code index} as a signed 64-bit integer, read as Redis reads them.
     *
     * @throws CommandException {@code ERR value is not an integer or out of range}
     */
    public long integer(int index) {
        return RespIntegers.parse(words[index], CommandException::notAnInteger);
    }

    /** {@code c} in lower case if it is an ASCII letter, as C's tolower in the C locale. */
    static int lowerAscii(int c) {
        return c >= 'A' && c <= 'Z' ? c | 0x20 : c;
    }

    /** The words from {@code from} to the end, as keys. */
    public List<Key> keys(int from) {
        List<Key> keys = new ArrayList<>(words.length - from);
        for (int i = from; i < words.length; i++) {
            keys.add(Key.of(words[i]));
        }
        return keys;
    }

    /** The words from {@code from} to the end. */
    public List<byte[]> words(int from) {
        return List.of(words).subList(from, words.length);
    }
}
