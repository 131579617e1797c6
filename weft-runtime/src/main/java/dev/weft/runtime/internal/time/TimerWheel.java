package dev.weft.runtime.internal.time;

import java.util.function.Consumer;

/*
 * Implementation notes.
 *
 * A hierarchical timing wheel, Tokio's (tokio/src/runtime/time/wheel): 6 levels of 64 slots. A tick is
 * one millisecond; a slot of level k spans 64^k ticks, so level 0 covers the next 64 ms, level 1 about
 * 4 s, level 2 about 4.4 minutes, level 3 about 4.7 hours, level 4 about 12 days and level 5 about
 * 2.2 years. Each level keeps a 64-bit occupied-slot bitmap, so finding the next timer is a rotate and
 * a count of trailing zeros per level, and each slot is a doubly linked FIFO list of entries, so
 * inserting and cancelling are O(1) and a cancelled entry is unreachable from the wheel at once.
 *
 * An entry goes to the lowest level whose slot span separates its deadline from `elapsed` (the
 * highest bit in which the two differ, in groups of 6). When time reaches a slot of level k > 0, its
 * entries are taken out: those due fire, the others cascade down to a finer level. A deadline beyond
 * the top level's range sits in a top-level slot and cascades again each time that slot comes round,
 * so deadlines years ahead work.
 *
 * Not thread-safe: the time driver guards it with its lock. Entries fire in order of deadline tick
 * (FIFO among entries of the same tick); fire() is called by the driver after releasing its lock.
 */

/** Tokio's hierarchical timing wheel. See the implementation notes. */
public final class TimerWheel {

    static final int LEVELS = 6;
    private static final int SLOT_BITS = 6;
    private static final int SLOTS = 1 << SLOT_BITS;
    private static final int SLOT_MASK = SLOTS - 1;
    /** Ticks the wheel covers ahead of `elapsed`; deadlines further out cascade through the top level. */
    static final long MAX_DURATION = (1L << (SLOT_BITS * LEVELS)) - 1;

    private final Level[] levels = new Level[LEVELS];
    private long elapsed;
    private int size;

    /** Creates an empty wheel whose time starts at tick 0. */
    public TimerWheel() {
        for (int level = 0; level < LEVELS; level++) {
            levels[level] = new Level(level);
        }
    }

    /** The tick up to which the wheel has processed timers. */
    public long elapsed() {
        return elapsed;
    }

    /** Entries in the wheel. */
    public int size() {
        return size;
    }

    /**
     * Adds {@code entry} with deadline {@code deadline} (ticks). Returns false, leaving the entry out of
     * the wheel, when the deadline has already been reached; the caller fires it then.
     *
     * @throws IllegalStateException if the entry is already in a wheel
     */
    public boolean insert(TimerEntry entry, long deadline) {
        if (entry.isScheduled()) {
            throw new IllegalStateException("timer entry already scheduled for tick " + entry.deadline);
        }
        entry.deadline = deadline;
        if (deadline <= elapsed) {
            return false;
        }
        levels[levelFor(elapsed, deadline)].add(entry);
        size++;
        return true;
    }

    /** Removes a scheduled entry; does nothing for an entry that is not in the wheel. */
    public void remove(TimerEntry entry) {
        if (entry.isScheduled()) {
            levels[entry.level].remove(entry);
            size--;
        }
    }

    /** The tick at which the next entry is due, or {@link Long#MAX_VALUE} when the wheel is empty. */
    public long nextDeadline() {
        Expiration expiration = nextExpiration();
        return expiration == null ? Long.MAX_VALUE : expiration.deadline;
    }

    /**
     * Moves the wheel's time to {@code now} and hands every entry due by then to {@code due}, in order
     * of deadline, after taking it out of the wheel. Time never goes back: a smaller {@code now} is
     * ignored. Returns the number of entries handed out.
     */
    public int advance(long now, Consumer<TimerEntry> due) {
        int fired = 0;
        while (true) {
            Expiration expiration = nextExpiration();
            if (expiration == null || expiration.deadline > now) {
                break;
            }
            fired += process(expiration, due);
        }
        if (now > elapsed) {
            elapsed = now;
        }
        return fired;
    }

    private Expiration nextExpiration() {
        for (Level level : levels) {
            long deadline = level.nextSlotDeadline(elapsed);
            if (deadline != Long.MAX_VALUE) {
                return new Expiration(level, level.slotFor(deadline), deadline);
            }
        }
        return null;
    }

    private int process(Expiration expiration, Consumer<TimerEntry> due) {
        TimerEntry entry = expiration.level.takeSlot(expiration.slot);
        elapsed = expiration.deadline;
        int fired = 0;
        while (entry != null) {
            TimerEntry following = entry.next;
            entry.previous = null;
            entry.next = null;
            entry.level = -1;
            if (entry.deadline <= expiration.deadline) {
                size--;
                fired++;
                due.accept(entry);
            } else {
                levels[levelFor(expiration.deadline, entry.deadline)].add(entry);
            }
            entry = following;
        }
        return fired;
    }

    /** The level at which a deadline is kept, relative to the wheel's current tick. */
    static int levelFor(long elapsed, long deadline) {
        long masked = (elapsed ^ deadline) | SLOT_MASK;
        if (masked >= MAX_DURATION) {
            masked = MAX_DURATION - 1;
        }
        int significant = 63 - Long.numberOfLeadingZeros(masked);
        return significant / SLOT_BITS;
    }

    private record Expiration(Level level, int slot, long deadline) {
    }

    /** One level: 64 slots of FIFO lists and the bitmap of the occupied ones. */
    private static final class Level {
        private final int index;
        private final int shift;
        private final TimerEntry[] heads = new TimerEntry[SLOTS];
        private final TimerEntry[] tails = new TimerEntry[SLOTS];
        private long occupied;

        Level(int index) {
            this.index = index;
            this.shift = index * SLOT_BITS;
        }

        int slotFor(long tick) {
            return (int) (tick >>> shift) & SLOT_MASK;
        }

        void add(TimerEntry entry) {
            int slot = slotFor(entry.deadline);
            entry.level = index;
            entry.slot = slot;
            entry.next = null;
            entry.previous = tails[slot];
            if (tails[slot] == null) {
                heads[slot] = entry;
            } else {
                tails[slot].next = entry;
            }
            tails[slot] = entry;
            occupied |= 1L << slot;
        }

        void remove(TimerEntry entry) {
            int slot = entry.slot;
            if (entry.previous == null) {
                heads[slot] = entry.next;
            } else {
                entry.previous.next = entry.next;
            }
            if (entry.next == null) {
                tails[slot] = entry.previous;
            } else {
                entry.next.previous = entry.previous;
            }
            entry.previous = null;
            entry.next = null;
            entry.level = -1;
            if (heads[slot] == null) {
                occupied &= ~(1L << slot);
            }
        }

        /** Detaches and returns the list of a slot. */
        TimerEntry takeSlot(int slot) {
            TimerEntry head = heads[slot];
            heads[slot] = null;
            tails[slot] = null;
            occupied &= ~(1L << slot);
            return head;
        }

        /** The tick at which this level's next occupied slot starts, or Long.MAX_VALUE. */
        long nextSlotDeadline(long now) {
            if (occupied == 0) {
                return Long.MAX_VALUE;
            }
            long slotRange = 1L << shift;
            long levelRange = slotRange << SLOT_BITS;
            int nowSlot = (int) ((now >>> shift) & SLOT_MASK);
            int distance = Long.numberOfTrailingZeros(Long.rotateRight(occupied, nowSlot));
            int slot = (nowSlot + distance) & SLOT_MASK;
            long levelStart = now & -levelRange;
            long deadline = levelStart + slot * slotRange;
            if (deadline <= now) {
                // Only at the top level: the slot is in the next turn of the wheel.
                deadline += levelRange;
            }
            return deadline;
        }
    }
}
