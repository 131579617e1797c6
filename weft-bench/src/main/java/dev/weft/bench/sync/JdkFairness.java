package dev.weft.bench.sync;

import dev.weft.bench.Contestant;

/**
 * The two ways the JDK's locks and semaphores order their waiters, each a baseline column of the
 * primitives' table: fair ({@code new Semaphore(n, true)}, {@code new ReentrantReadWriteLock(true)},
 * {@code new ReentrantLock(true)}), which serves waiters in arrival order as Weft's primitives do, and
 * non-fair (the JDK's default), which lets an arriving thread take what is free ahead of the waiters.
 */
enum JdkFairness implements Contestant {

    /** Waiters served in arrival order: the equivalent of Weft's FIFO primitives. */
    FAIR("JDK virtual threads, fair", "JDK fair"),

    /** The JDK's default: an arriving thread may barge ahead of the waiters. */
    NON_FAIR("JDK virtual threads, non-fair", "JDK non-fair");

    private final String label;
    private final String shortLabel;

    JdkFairness(String label, String shortLabel) {
        this.label = label;
        this.shortLabel = shortLabel;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public String shortLabel() {
        return shortLabel;
    }

    @Override
    public boolean isWeft() {
        return false;
    }

    /** The {@code fair} argument of the JDK's constructors. */
    boolean fair() {
        return this == FAIR;
    }
}
