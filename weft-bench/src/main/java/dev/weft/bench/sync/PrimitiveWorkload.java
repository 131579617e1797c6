package dev.weft.bench.sync;

import dev.weft.bench.peer.Peer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.function.LongSupplier;

/**
 * One of Tokio's benchmarks of its synchronization primitives ({@code benches/sync_semaphore.rs},
 * {@code sync_rwlock.rs}, {@code sync_notify.rs}), written twice: with Weft's primitives for Weft's
 * peers, and with the JDK's equivalents, fair or non-fair, for its virtual threads. Each body runs inside
 * the peer's root task, times the part Tokio times, and counts what it did (operations completed, wake-ups
 * seen); every run's count must be {@link #expectedCount()}, so a benchmark run also checks the workload.
 */
interface PrimitiveWorkload {

    /** The name reports and {@code --only} use. */
    String name();

    /** What each side does, for the report's legend. */
    String legend();

    /** The count every run reports when the primitive did its job. */
    long expectedCount();

    /** One run with Weft's primitives, inside a task of {@code peer}. */
    Run runWeft(Peer peer);

    /** One run with the JDK's primitives ({@code fair} or not), inside a virtual thread of {@code peer}. */
    Run runJdk(Peer peer, boolean fair);

    /** Runs the workload once on {@code seat}, inside its root task. */
    default Run run(Seat seat) {
        Run[] run = new Run[1];
        seat.peer().blockOn(() -> run[0] = seat.contestant().isWeft()
                ? runWeft(seat.peer()) : runJdk(seat.peer(), seat.fair()));
        return run[0];
    }

    /**
     * Runs the workload once on {@code seat}; returns the time it took, in microseconds.
     *
     * @throws IllegalStateException if the run's count is not the expected one
     */
    default double microsToRun(Seat seat) {
        Run run = run(seat);
        if (run.count() != expectedCount()) {
            throw new IllegalStateException(name() + " on " + seat.contestant().label() + " counted "
                    + run.count() + ", expected " + expectedCount());
        }
        return run.nanos() / 1e3;
    }

    /**
     * Starts {@code count} tasks of {@code peer}, the i-th running {@code body.accept(i)}; called from
     * inside a task. The joins wait for them.
     */
    static List<Peer.Join> spawn(Peer peer, int count, IntConsumer body) {
        List<Peer.Join> joins = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int index = i;
            joins.add(peer.spawnJoinable(() -> body.accept(index)));
        }
        return joins;
    }

    /** Waits for every one of {@code joins}. */
    static void joinAll(List<Peer.Join> joins) {
        joins.forEach(Peer.Join::await);
    }

    /**
     * What one run measured.
     *
     * @param nanos the time of the timed part
     * @param count what the run counted, for {@link #expectedCount()}
     */
    record Run(long nanos, long count) {

        /** Times {@code body}, which returns the run's count. */
        static Run timed(LongSupplier body) {
            long start = System.nanoTime();
            long count = body.getAsLong();
            return new Run(System.nanoTime() - start, count);
        }
    }
}
