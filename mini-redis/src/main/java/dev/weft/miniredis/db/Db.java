package dev.weft.miniredis.db;

import dev.weft.miniredis.frame.RespIntegers;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The keyspace: binary-safe keys holding binary-safe string values, each with an optional deadline in
 * Unix milliseconds on an {@link ExpiryClock}. A key whose deadline has passed is never returned: every
 * operation checks the key it touches (lazy expiry, as Redis does), and an {@link ExpiryPurger} task
 * removes the keys nobody touches. Every operation is atomic, multi-key ones included.
 *
 * {@snippet :
 * Db db = new Db(new ExpiryClock());
 * db.set(Key.of("greeting"), "hello".getBytes(StandardCharsets.UTF_8));
 * db.expire(Key.of("greeting"), db.clock().nowMillis() + 1_000, ExpireCondition.ALWAYS);
 * byte[] value = db.get(Key.of("greeting"));   // hello, for one more second
 * }
 *
 * <p>Redis's rule decides when a key is gone: it lives through the millisecond of its deadline and
 * expires after it.
 *
 * <h2>Thread safety and memory consistency</h2>
 * Safe for any number of tasks: one lock guards the keyspace, held for O(1) work per key (O(log n) for
 * keys with deadlines). Arrays passed in are stored as they are, and arrays returned are the stored
 * ones: nobody may change them. Writing a value happens-before every read that returns it.
 *
 * <h2>Cancellation</h2>
 * Nothing here waits on anything but the lock, which is held briefly; operations are not await points.
 */
public final class Db {

    /*
     * Implementation notes.
     *
     * `entries` maps keys to mutable Entry objects; the entries with a deadline are also in `expiring`,
     * a TreeSet ordered by (deadline, key), as in Tokio's mini-redis db.rs (a BTreeSet of (Instant,
     * key)): the purger reads the earliest deadline in O(log n) and removes due keys in order. Redis
     * samples random keys instead, because its dict has no order; the ordered index makes active expiry
     * exact and lets the purger sleep until the next deadline.
     *
     * Waking the purger: while it sleeps, `wakeDeadline` holds the deadline it sleeps until; a write that
     * schedules an earlier one records the purger's waker in `pendingWake`, turns `wakeDeadline` into
     * Long.MIN_VALUE (no write wakes it twice; it re-arms after purging), and the waker runs after the
     * lock is released. With no purger, `wakeDeadline` stays Long.MIN_VALUE.
     *
     * One lock, not stripes: every operation is short, Redis itself runs commands one at a time, and a
     * multi-key command (MSET, DEL k1 k2) must be atomic. Striping is a measured change for later.
     */

    /** The deadline argument meaning "no expiry". */
    public static final long NO_DEADLINE = Entry.NO_DEADLINE;

    private final ReentrantLock lock = new ReentrantLock();
    private final HashMap<Key, Entry> entries = new HashMap<>();
    private final TreeSet<Entry> expiring = new TreeSet<>(Entry.BY_DEADLINE);
    private final DeadlineSum deadlineSum = new DeadlineSum();
    private final ExpiryClock clock;
    private long expiredKeys;
    private long wakeDeadline = Long.MIN_VALUE;
    private Runnable purgeWaker;
    private Runnable pendingWake;

    /** An empty keyspace whose deadlines are read on {@code clock}. */
    public Db(ExpiryClock clock) {
        this.clock = clock;
    }

    /** The clock deadlines are read on. */
    public ExpiryClock clock() {
        return clock;
    }

    /** The value of {@code key}, or null when it does not exist or has expired. */
    public byte[] get(Key key) {
        lock.lock();
        try {
            Entry entry = live(key);
            return entry == null ? null : entry.value;
        } finally {
            unlock();
        }
    }

    /** Sets {@code key} to {@code value} with no deadline (a plain {@code SET}). */
    public void set(Key key, byte[] value) {
        set(key, value, SetCondition.ALWAYS, false, NO_DEADLINE);
    }

    /**
     * Sets {@code key} to {@code value} if {@code condition} holds, as {@code SET} does.
     *
     * @param keepTtl  keep the key's current deadline ({@code KEEPTTL}); {@code deadline} is then ignored
     * @param deadline the new deadline in Unix milliseconds, or {@link #NO_DEADLINE}; one already past
     *                 makes the key expire at once
     * @return the previous value, or null if there was none; whether the value was written follows from
     *         the condition ({@code NX}: when null was returned, {@code XX}: when it was not)
     */
    public byte[] set(Key key, byte[] value, SetCondition condition, boolean keepTtl, long deadline) {
        lock.lock();
        try {
            Entry entry = live(key);
            if (condition == SetCondition.NX && entry != null || condition == SetCondition.XX && entry == null) {
                return entry == null ? null : entry.value;
            }
            if (entry == null) {
                entry = new Entry(key, value, NO_DEADLINE);
                entries.put(key, entry);
                changeDeadline(entry, deadline);
                return null;
            }
            byte[] previous = entry.value;
            entry.value = value;
            if (!keepTtl) {
                changeDeadline(entry, deadline);
            }
            return previous;
        } finally {
            unlock();
        }
    }

    /** Deletes {@code key}; true if it existed. */
    public boolean delete(Key key) {
        lock.lock();
        try {
            Entry entry = live(key);
            if (entry != null) {
                remove(entry);
            }
            return entry != null;
        } finally {
            unlock();
        }
    }

    /** Deletes every key of {@code keys}, atomically; returns how many existed (a repeated key counts once). */
    public int delete(List<Key> keys) {
        lock.lock();
        try {
            int deleted = 0;
            for (Key key : keys) {
                Entry entry = live(key);
                if (entry != null) {
                    remove(entry);
                    deleted++;
                }
            }
            return deleted;
        } finally {
            unlock();
        }
    }

    /** How many of {@code keys} exist; a key named twice counts twice, as in {@code EXISTS}. */
    public int countExisting(List<Key> keys) {
        lock.lock();
        try {
            int existing = 0;
            for (Key key : keys) {
                if (live(key) != null) {
                    existing++;
                }
            }
            return existing;
        } finally {
            unlock();
        }
    }

    /** The values of {@code keys}, atomically, with null for each key that does not exist. */
    public List<byte[]> getAll(List<Key> keys) {
        lock.lock();
        try {
            List<byte[]> values = new ArrayList<>(keys.size());
            for (Key key : keys) {
                Entry entry = live(key);
                values.add(entry == null ? null : entry.value);
            }
            return values;
        } finally {
            unlock();
        }
    }

    /**
     * Sets each key to the value at the same index, with no deadline, atomically ({@code MSET}).
     *
     * @throws IllegalArgumentException if the lists differ in size
     */
    public void setAll(List<Key> keys, List<byte[]> values) {
        if (keys.size() != values.size()) {
            throw new IllegalArgumentException("keys.size() != values.size(): " + keys.size() + " != " + values.size());
        }
        lock.lock();
        try {
            for (int i = 0; i < keys.size(); i++) {
                Entry entry = live(keys.get(i));
                if (entry == null) {
                    entries.put(keys.get(i), new Entry(keys.get(i), values.get(i), NO_DEADLINE));
                } else {
                    entry.value = values.get(i);
                    changeDeadline(entry, NO_DEADLINE);
                }
            }
        } finally {
            unlock();
        }
    }

    /**
     * Gives {@code key} the deadline {@code deadline} (Unix milliseconds) if {@code condition} holds; a
     * deadline not after now deletes the key at once, as Redis does.
     *
     * @return true if the key exists and the condition held
     */
    public boolean expire(Key key, long deadline, ExpireCondition condition) {
        lock.lock();
        try {
            Entry entry = live(key);
            if (entry == null || !holds(condition, entry, deadline)) {
                return false;
            }
            if (deadline <= clock.nowMillis()) {
                remove(entry);
            } else {
                changeDeadline(entry, deadline);
            }
            return true;
        } finally {
            unlock();
        }
    }

    /** The time {@code key} has left in milliseconds: -2 if it does not exist, -1 if it has no deadline. */
    public long ttlMillis(Key key) {
        lock.lock();
        try {
            Entry entry = live(key);
            if (entry == null) {
                return -2;
            }
            return entry.expires() ? Math.max(0, entry.deadline - clock.nowMillis()) : -1;
        } finally {
            unlock();
        }
    }

    /** Removes the deadline of {@code key}; true if it had one. */
    public boolean persist(Key key) {
        lock.lock();
        try {
            Entry entry = live(key);
            if (entry == null || !entry.expires()) {
                return false;
            }
            changeDeadline(entry, NO_DEADLINE);
            return true;
        } finally {
            unlock();
        }
    }

    /**
     * Adds {@code delta} to the integer held by {@code key} (0 when it does not exist), keeping its
     * deadline, and returns the result ({@code INCRBY}).
     *
     * @throws NumberFormatException if the value is not an integer as Redis reads them
     * @throws ArithmeticException   if the result overflows a signed 64-bit integer
     */
    public long incrementBy(Key key, long delta) {
        lock.lock();
        try {
            Entry entry = live(key);
            long current = entry == null ? 0 : RespIntegers.parse(entry.value,
                    () -> new NumberFormatException("the value of " + key + " is not an integer"));
            long result = Math.addExact(current, delta);
            byte[] value = Long.toString(result).getBytes(StandardCharsets.US_ASCII);
            if (entry == null) {
                entries.put(key, new Entry(key, value, NO_DEADLINE));
            } else {
                entry.value = value;
            }
            return result;
        } finally {
            unlock();
        }
    }

    /** The number of live keys (expired ones are purged first). */
    public int size() {
        lock.lock();
        try {
            purgeDue(Integer.MAX_VALUE);
            return entries.size();
        } finally {
            unlock();
        }
    }

    /** Deletes every key ({@code FLUSHDB}). */
    public void clear() {
        lock.lock();
        try {
            entries.clear();
            expiring.clear();
            deadlineSum.clear();
        } finally {
            unlock();
        }
    }

    /** Counts for {@code INFO}. */
    public KeyspaceStats stats() {
        lock.lock();
        try {
            purgeDue(Integer.MAX_VALUE);
            int withDeadline = expiring.size();
            long averageTtl = withDeadline == 0 ? 0 : Math.max(0, deadlineSum.average(withDeadline) - clock.nowMillis());
            return new KeyspaceStats(entries.size(), withDeadline, averageTtl, expiredKeys);
        } finally {
            unlock();
        }
    }

    /** The number of entries held, including expired ones not removed yet (Redis's dictSize). */
    int storedEntries() {
        lock.lock();
        try {
            return entries.size();
        } finally {
            unlock();
        }
    }

    /** Removes up to {@code max} expired keys, earliest deadline first; returns how many. */
    int purgeExpired(int max) {
        lock.lock();
        try {
            return purgeDue(max);
        } finally {
            unlock();
        }
    }

    /**
     * Records that the purger sleeps until the earliest deadline, which it returns ({@link #NO_DEADLINE}
     * when no key has one): a later write scheduling an earlier deadline runs {@code waker} once.
     */
    long armPurgeWakeup(Runnable waker) {
        lock.lock();
        try {
            purgeWaker = waker;
            long earliest = expiring.isEmpty() ? NO_DEADLINE : expiring.first().deadline;
            wakeDeadline = earliest == NO_DEADLINE ? Long.MAX_VALUE : earliest;
            return earliest;
        } finally {
            unlock();
        }
    }

    /** Forgets the purger's waker. */
    void disarmPurgeWakeup() {
        lock.lock();
        try {
            purgeWaker = null;
            wakeDeadline = Long.MIN_VALUE;
        } finally {
            unlock();
        }
    }

    private Entry live(Key key) {
        Entry entry = entries.get(key);
        if (entry != null && entry.expires() && entry.isExpiredAt(clock.nowMillis())) {
            remove(entry);
            expiredKeys++;
            return null;
        }
        return entry;
    }

    private int purgeDue(int max) {
        if (expiring.isEmpty()) {
            return 0;
        }
        long now = clock.nowMillis();
        int purged = 0;
        while (purged < max && !expiring.isEmpty() && expiring.first().isExpiredAt(now)) {
            remove(expiring.first());
            expiredKeys++;
            purged++;
        }
        return purged;
    }

    private void remove(Entry entry) {
        entries.remove(entry.key);
        changeDeadline(entry, NO_DEADLINE);
    }

    private void changeDeadline(Entry entry, long deadline) {
        if (entry.deadline == deadline) {
            return;
        }
        if (entry.expires()) {
            expiring.remove(entry);
            deadlineSum.remove(entry.deadline);
        }
        entry.deadline = deadline;
        if (entry.expires()) {
            expiring.add(entry);
            deadlineSum.add(deadline);
            if (deadline < wakeDeadline) {
                wakeDeadline = Long.MIN_VALUE;
                pendingWake = purgeWaker;
            }
        }
    }

    private boolean holds(ExpireCondition condition, Entry entry, long deadline) {
        return switch (condition) {
            case ALWAYS -> true;
            case NX -> !entry.expires();
            case XX -> entry.expires();
            case GT -> entry.expires() && deadline > entry.deadline;
            case LT -> !entry.expires() || deadline < entry.deadline;
            case XX_LT -> entry.expires() && deadline < entry.deadline;
        };
    }

    /** Releases the lock, then wakes the purger if a write scheduled a deadline before its wake-up. */
    private void unlock() {
        Runnable wake = pendingWake;
        pendingWake = null;
        lock.unlock();
        if (wake != null) {
            wake.run();
        }
    }
}
