package dev.weft.miniredis.cmd;

import java.util.List;

/*
 * Implementation notes.
 *
 * Finds a command by the bytes of its name, ignoring ASCII case, without making a String per request:
 * an open-addressing table (linear probing, at most a quarter full) of the lower-case names, hashed
 * with the same case folding as the bytes looked up.
 */
final class NameIndex {

    private final CommandSpec[] slots;
    private final int mask;

    NameIndex(List<CommandSpec> specs) {
        int capacity = Integer.highestOneBit(Math.max(4, specs.size() * 4) - 1) << 1;
        slots = new CommandSpec[capacity];
        mask = capacity - 1;
        for (CommandSpec spec : specs) {
            int slot = hash(spec.name()) & mask;
            while (slots[slot] != null) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = spec;
        }
    }

    /** The command named {@code name}, or null. */
    CommandSpec find(byte[] name) {
        int hash = 0;
        for (byte b : name) {
            hash = 31 * hash + Arguments.lowerAscii(b & 0xff);
        }
        for (int slot = spread(hash) & mask; slots[slot] != null; slot = (slot + 1) & mask) {
            if (matches(slots[slot].name(), name)) {
                return slots[slot];
            }
        }
        return null;
    }

    /** True when {@code word} spells {@code lowerCaseName}, ignoring ASCII case. */
    static boolean matches(String lowerCaseName, byte[] word) {
        if (lowerCaseName.length() != word.length) {
            return false;
        }
        for (int i = 0; i < word.length; i++) {
            if (Arguments.lowerAscii(word[i] & 0xff) != lowerCaseName.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int hash(String lowerCaseName) {
        int hash = 0;
        for (int i = 0; i < lowerCaseName.length(); i++) {
            hash = 31 * hash + lowerCaseName.charAt(i);
        }
        return spread(hash);
    }

    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }
}
