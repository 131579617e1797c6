package dev.weft.miniredis.db;

import java.math.BigInteger;

/*
 * Implementation notes.
 *
 * The exact sum of the deadlines in Db's expiry index, kept as a 128-bit unsigned number in two longs so
 * that it never overflows (deadlines are below 2^63 and there are fewer than 2^31 of them), for INFO's
 * avg_ttl without walking the index. Guarded by Db's lock.
 */
final class DeadlineSum {

    private long high;
    private long low;

    void add(long deadline) {
        low += deadline;
        if (Long.compareUnsigned(low, deadline) < 0) {
            high++;
        }
    }

    void remove(long deadline) {
        if (Long.compareUnsigned(low, deadline) < 0) {
            high--;
        }
        low -= deadline;
    }

    void clear() {
        high = 0;
        low = 0;
    }

    /** The mean deadline, rounded down, of {@code count} deadlines (count > 0). */
    long average(int count) {
        BigInteger sum = BigInteger.valueOf(high).shiftLeft(64).add(new BigInteger(Long.toUnsignedString(low)));
        return sum.divide(BigInteger.valueOf(count)).longValueExact();
    }
}
