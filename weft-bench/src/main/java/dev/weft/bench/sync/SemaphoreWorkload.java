package dev.weft.bench.sync;

import dev.weft.bench.Blocking;
import dev.weft.bench.peer.Peer;
import dev.weft.sync.SemaphorePermit;

import java.util.List;
import java.util.concurrent.Semaphore;

/**
 * Tokio's semaphore benchmarks ({@code benches/sync_semaphore.rs}) at a larger count. Uncontended: the
 * root task acquires and releases one permit of a semaphore of 10, 1 000 times; nothing ever waits.
 * Contended: 5 tasks each acquire and release one permit 1 000 times on a semaphore of 2, yielding while
 * they hold it so that the others find no permit and queue (Tokio's contended case runs 6 tasks on 5
 * permits once each; the yield makes every acquisition a chance to wait). The timed part includes
 * spawning and joining the tasks. The count is the acquisitions; the contended case also checks that no
 * more than 2 tasks ever held a permit at once, and both check that every permit came back. Weft:
 * {@link dev.weft.sync.Semaphore} (FIFO). JDK: {@link Semaphore}, fair or non-fair.
 */
final class SemaphoreWorkload implements PrimitiveWorkload {

    private static final int ACQUISITIONS = 1_000;

    private final String name;
    private final int tasks;
    private final int permits;

    private SemaphoreWorkload(String name, int tasks, int permits) {
        this.name = name;
        this.tasks = tasks;
        this.permits = permits;
    }

    static List<PrimitiveWorkload> all() {
        return List.of(new SemaphoreWorkload("semaphore_uncontended", 1, 10),
                new SemaphoreWorkload("semaphore_contended", 5, 2));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String legend() {
        return tasks == 1
                ? "one task: 1 000 x acquire + release on a semaphore of " + permits + "; JDK: Semaphore"
                : tasks + " tasks x 1 000 acquire, yield, release on a semaphore of " + permits + "; JDK: Semaphore";
    }

    @Override
    public long expectedCount() {
        return (long) tasks * ACQUISITIONS;
    }

    @Override
    public Run runWeft(Peer peer) {
        dev.weft.sync.Semaphore semaphore = new dev.weft.sync.Semaphore(permits);
        Run run = tasks == 1 ? Run.timed(() -> {
            long acquired = 0;
            for (int i = 0; i < ACQUISITIONS; i++) {
                try (SemaphorePermit permit = semaphore.acquire().await()) {
                    acquired += permit.permits();
                }
            }
            return acquired;
        }) : contended(peer, holders -> {
            for (int i = 0; i < ACQUISITIONS; i++) {
                try (SemaphorePermit ignored = semaphore.acquire().await()) {
                    holders.enter();
                    peer.yieldNow();
                    holders.exit();
                }
            }
        });
        return allReturned(run, semaphore.availablePermits());
    }

    @Override
    public Run runJdk(Peer peer, boolean fair) {
        Semaphore semaphore = new Semaphore(permits, fair);
        Run run = tasks == 1 ? Run.timed(() -> {
            long acquired = 0;
            for (int i = 0; i < ACQUISITIONS; i++) {
                Blocking.acquire(semaphore);
                try {
                    acquired++;
                } finally {
                    semaphore.release();
                }
            }
            return acquired;
        }) : contended(peer, holders -> {
            for (int i = 0; i < ACQUISITIONS; i++) {
                Blocking.acquire(semaphore);
                try {
                    holders.enter();
                    peer.yieldNow();
                    holders.exit();
                } finally {
                    semaphore.release();
                }
            }
        });
        return allReturned(run, semaphore.availablePermits());
    }

    /** The task body of the contended case, given the count of permit holders it must keep up to date. */
    private interface Holder {
        void run(Occupancy holders);
    }

    private Run contended(Peer peer, Holder body) {
        Occupancy holders = new Occupancy("the semaphore's permits", permits);
        return Run.timed(() -> {
            PrimitiveWorkload.joinAll(PrimitiveWorkload.spawn(peer, tasks, task -> body.run(holders)));
            return holders.entries();
        });
    }

    private Run allReturned(Run run, int available) {
        if (available != permits) {
            throw new IllegalStateException(name + ": " + available + " permits free after the run, not " + permits);
        }
        return run;
    }
}
