package dev.weft.bench.sync;

import dev.weft.bench.peer.Peer;
import dev.weft.sync.RwLock;
import dev.weft.sync.RwLockReadGuard;
import dev.weft.sync.RwLockWriteGuard;

import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Tokio's reader-writer lock benchmarks ({@code benches/sync_rwlock.rs}) at a larger count, on a lock
 * protecting a counter. Uncontended: the root task takes and releases the read lock 1 000 times. Read
 * contended: 5 tasks each read 1 000 times, yielding while they hold the lock, so that readers overlap.
 * Read/write contended: the same 5 readers and one writer that takes the write lock 1 000 times,
 * incrementing the counter and yielding while it holds the lock, so that readers queue behind the writer
 * and the writer behind the readers (Tokio's contended case has 5 readers queue once behind a writer).
 * The timed part includes spawning and joining the tasks. The count is the acquisitions; the contended
 * cases check that no reader ever overlapped the writer, and that the counter ends at the writes. Weft:
 * {@link RwLock} (fair). JDK: {@link ReentrantReadWriteLock}, fair or non-fair.
 */
final class RwLockWorkload implements PrimitiveWorkload {

    private static final int ACQUISITIONS = 1_000;

    private final String name;
    private final int readers;
    private final int writers;

    private RwLockWorkload(String name, int readers, int writers) {
        this.name = name;
        this.readers = readers;
        this.writers = writers;
    }

    static List<PrimitiveWorkload> all() {
        return List.of(new RwLockWorkload("rwlock_read_uncontended", 1, 0),
                new RwLockWorkload("rwlock_read_contended", 5, 0),
                new RwLockWorkload("rwlock_read_write_contended", 5, 1));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String legend() {
        String jdk = "; JDK: ReentrantReadWriteLock";
        if (readers == 1) {
            return "one task: 1 000 x read lock + unlock" + jdk;
        }
        return readers + " readers" + (writers == 0 ? "" : " and " + writers + " writer")
                + " x 1 000 lock, yield, unlock" + jdk;
    }

    @Override
    public long expectedCount() {
        return (long) (readers + writers) * ACQUISITIONS;
    }

    @Override
    public Run runWeft(Peer peer) {
        long[] counter = new long[1];
        RwLock<long[]> lock = new RwLock<>(counter);
        if (readers == 1) {
            return Run.timed(() -> {
                long reads = 0;
                for (int i = 0; i < ACQUISITIONS; i++) {
                    try (RwLockReadGuard<long[]> read = lock.read().await()) {
                        reads += 1 + read.get()[0];
                    }
                }
                return reads;
            });
        }
        return contended(peer, counter, new Access() {
            @Override
            public void read(Occupancy reading, Occupancy writing) {
                try (RwLockReadGuard<long[]> ignored = lock.read().await()) {
                    reading.enterExcluding(writing);
                    peer.yieldNow();
                    reading.exit();
                }
            }

            @Override
            public void write(Occupancy writing, Occupancy reading) {
                try (RwLockWriteGuard<long[]> write = lock.write().await()) {
                    writing.enterExcluding(reading);
                    write.get()[0]++;
                    peer.yieldNow();
                    writing.exit();
                }
            }
        });
    }

    @Override
    public Run runJdk(Peer peer, boolean fair) {
        long[] counter = new long[1];
        ReentrantReadWriteLock lock = new ReentrantReadWriteLock(fair);
        if (readers == 1) {
            return Run.timed(() -> {
                long reads = 0;
                for (int i = 0; i < ACQUISITIONS; i++) {
                    lock.readLock().lock();
                    try {
                        reads += 1 + counter[0];
                    } finally {
                        lock.readLock().unlock();
                    }
                }
                return reads;
            });
        }
        return contended(peer, counter, new Access() {
            @Override
            public void read(Occupancy reading, Occupancy writing) {
                lock.readLock().lock();
                try {
                    reading.enterExcluding(writing);
                    peer.yieldNow();
                    reading.exit();
                } finally {
                    lock.readLock().unlock();
                }
            }

            @Override
            public void write(Occupancy writing, Occupancy reading) {
                lock.writeLock().lock();
                try {
                    writing.enterExcluding(reading);
                    counter[0]++;
                    peer.yieldNow();
                    writing.exit();
                } finally {
                    lock.writeLock().unlock();
                }
            }
        });
    }

    /** One acquisition of the lock by a task of the contended cases, keeping the occupancies up to date. */
    private interface Access {

        void read(Occupancy reading, Occupancy writing);

        void write(Occupancy writing, Occupancy reading);
    }

    /** Readers, then writers, each a task acquiring 1 000 times; checks the counter the writers incremented. */
    private Run contended(Peer peer, long[] counter, Access access) {
        Occupancy reading = new Occupancy("the read lock", readers);
        Occupancy writing = new Occupancy("the write lock", 1);
        Run run = Run.timed(() -> {
            PrimitiveWorkload.joinAll(PrimitiveWorkload.spawn(peer, readers + writers, task -> {
                for (int i = 0; i < ACQUISITIONS; i++) {
                    if (task < readers) {
                        access.read(reading, writing);
                    } else {
                        access.write(writing, reading);
                    }
                }
            }));
            return reading.entries() + writing.entries();
        });
        if (counter[0] != (long) writers * ACQUISITIONS) {
            throw new IllegalStateException(name + ": the writers' counter is " + counter[0] + ", expected "
                    + (long) writers * ACQUISITIONS);
        }
        return run;
    }
}
