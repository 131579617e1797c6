package dev.weft.miniredis.db;

import java.util.Comparator;

/*
 * Implementation notes.
 *
 * One key's value and deadline, owned by Db and changed only under Db's lock. An entry with a deadline
 * is also in Db's expiry index, a TreeSet ordered by (deadline, key); since the order reads `deadline`,
 * it changes only while the entry is out of the index (Db removes, changes, re-adds). Overwriting a
 * value does not move the entry, so a SET of an existing key allocates nothing here.
 */
final class Entry {

    /** The deadline of a key that does not expire. */
    static final long NO_DEADLINE = -1;

    /** The expiry index's order: earliest deadline first, ties broken by key. */
    static final Comparator<Entry> BY_DEADLINE =
            Comparator.<Entry>comparingLong(entry -> entry.deadline).thenComparing(entry -> entry.key);

    final Key key;
    byte[] value;
    long deadline;

    Entry(Key key, byte[] value, long deadline) {
        this.key = key;
        this.value = value;
        this.deadline = deadline;
    }

    boolean expires() {
        return deadline != NO_DEADLINE;
    }

    /** Redis's rule (db.c keyIsExpired): a key lives through its deadline's millisecond and is gone after. */
    boolean isExpiredAt(long nowMillis) {
        return expires() && nowMillis > deadline;
    }
}
