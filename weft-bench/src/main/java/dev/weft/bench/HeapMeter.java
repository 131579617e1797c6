package dev.weft.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Heap in use after full collections, through {@link MemoryMXBean}: the difference between two readings
 * is what the objects created in between keep alive.
 */
public final class HeapMeter {

    /** Collections before a reading by default: the later ones free what the first one only made collectable. */
    private static final int COLLECTIONS = 3;

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private HeapMeter() {
    }

    /** Runs {@value #COLLECTIONS} full collections and returns the heap then in use, in bytes. */
    public static long usedAfterCollections() {
        return usedAfterCollections(COLLECTIONS);
    }

    /**
     * Runs {@code collections} full collections ({@link System#gc()}) and returns the heap then in use, in
     * bytes. With a large live heap each collection takes seconds.
     */
    public static long usedAfterCollections(int collections) {
        for (int i = 0; i < collections; i++) {
            System.gc();
        }
        return MEMORY.getHeapMemoryUsage().getUsed();
    }
}
