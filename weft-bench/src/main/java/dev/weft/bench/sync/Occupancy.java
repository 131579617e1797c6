package dev.weft.bench.sync;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the tasks inside a critical section, so that a workload proves its primitive excluded what it
 * should: entering fails when more than {@code limit} are inside, or when a section that must be empty
 * at the same time is not. The counters are sequentially consistent, so of two tasks that enter
 * conflicting sections at once, at least one sees the other.
 */
final class Occupancy {

    private final String section;
    private final int limit;
    private final AtomicInteger inside = new AtomicInteger();
    private final AtomicLong entries = new AtomicLong();

    /** A section called {@code section} (for failure messages) that at most {@code limit} tasks share. */
    Occupancy(String section, int limit) {
        this.section = section;
        this.limit = limit;
    }

    /** Enters the section; fails if that makes more than the limit inside. */
    void enter() {
        int now = inside.incrementAndGet();
        if (now > limit) {
            throw new IllegalStateException(now + " tasks inside " + section + ", at most " + limit + " allowed");
        }
        entries.incrementAndGet();
    }

    /** Enters the section as {@link #enter()} does, and fails if {@code other} is occupied meanwhile. */
    void enterExcluding(Occupancy other) {
        enter();
        if (other.inside.get() != 0) {
            throw new IllegalStateException(section + " entered while " + other.section + " is occupied");
        }
    }

    /** Leaves the section. */
    void exit() {
        inside.decrementAndGet();
    }

    /** How many times the section was entered. */
    long entries() {
        return entries.get();
    }
}
