package dev.weft.miniredis.cmd;

/*
 * Implementation notes.
 *
 * Redis's arithmetic on expiry times, with its overflow checks turned into explicit ones: seconds are
 * multiplied by 1000 only when the result fits (expire.c, t_string.c), and a relative time is added to
 * now only when the sum fits; anything else is "ERR invalid expire time in '<command>' command".
 */
final class ExpireTimes {

    private ExpireTimes() {
    }

    /** {@code amount} in milliseconds, {@code amount} being seconds when {@code seconds}. */
    static long toMillis(long amount, boolean seconds, String command) {
        if (!seconds) {
            return amount;
        }
        if (amount > Long.MAX_VALUE / 1000 || amount < Long.MIN_VALUE / 1000) {
            throw CommandException.invalidExpireTime(command);
        }
        return amount * 1000;
    }

    /** {@code base + millis}, refused when it overflows. */
    static long after(long base, long millis, String command) {
        if (millis > Long.MAX_VALUE - base) {
            throw CommandException.invalidExpireTime(command);
        }
        return base + millis;
    }
}
