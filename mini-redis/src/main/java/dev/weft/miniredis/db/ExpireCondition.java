package dev.weft.miniredis.db;

/**
 * When {@link Db#expire(Key, long, ExpireCondition)} applies a deadline: EXPIRE's options. A key without
 * a deadline counts as expiring never, so {@code GT} never applies to it and {@code LT} always does
 * ({@code XX GT} is therefore {@code GT}, while {@code XX LT} is a condition of its own).
 *
 * {@snippet :
 * boolean extended = db.expire(Key.of("session"), clock.nowMillis() + 60_000, ExpireCondition.GT);
 * }
 */
public enum ExpireCondition {
    /** Always. */
    ALWAYS,
    /** Only when the key has no deadline ({@code NX}). */
    NX,
    /** Only when the key has a deadline ({@code XX}). */
    XX,
    /** Only when the new deadline is later than the current one ({@code GT}). */
    GT,
    /** Only when the new deadline is earlier than the current one ({@code LT}). */
    LT,
    /** Only when the key has a deadline and the new one is earlier ({@code XX LT}). */
    XX_LT
}
