package dev.weft.miniredis.db;

/**
 * When {@link Db#set(Key, byte[], SetCondition, boolean, long)} writes: SET's {@code NX} and {@code XX}.
 *
 * {@snippet :
 * byte[] previous = db.set(Key.of("lock"), value, SetCondition.NX, false, Db.NO_DEADLINE);
 * boolean acquired = previous == null;
 * }
 */
public enum SetCondition {
    /** Always. */
    ALWAYS,
    /** Only when the key does not exist ({@code NX}). */
    NX,
    /** Only when the key exists ({@code XX}). */
    XX
}
