package dev.weft.bench.time;

import dev.weft.bench.Contestant;
import dev.weft.bench.HeapMeter;
import dev.weft.bench.peer.PeerKind;
import dev.weft.bench.workload.Latches;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * One million concurrent sleeps, on Weft's multi-thread flavour (a task per sleep), on JDK virtual
 * threads (a thread per sleep, in {@code Thread.sleep}) and on a {@code ScheduledThreadPoolExecutor} (a
 * callback per sleep). Two measurements, each a run on a fresh host:
 *
 * <ul>
 *   <li>{@link #millisUntilAllWoken}: the wall time from the first spawn until every one of
 *       {@value #SLEEPS} one-second sleeps has woken and counted down a latch (at least one second by
 *       construction);</li>
 *   <li>{@link #bytesPerPendingSleep}: the heap each pending sleep holds: heap in use after a full
 *       collection ({@link HeapMeter}) with {@value #SLEEPS} one-hour sleeps pending, minus the same with
 *       the host open and idle, divided by {@value #SLEEPS}. It covers everything a sleep keeps alive: task
 *       or thread, stack, timer entry, the host's bookkeeping. Closing the host ends those sleeps.</li>
 * </ul>
 */
final class MillionSleeps {

    /** The name reports and {@code --only} use. */
    static final String NAME = "million_sleeps";
    static final int SLEEPS = 1_000_000;

    private static final Duration TIMED_SLEEP = Duration.ofSeconds(1);
    private static final Duration PENDING_SLEEP = Duration.ofHours(1);
    /** How long the sleepers that started last get to reach their sleep before the heap is read. */
    private static final long SETTLE_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    private static final Runnable NOTHING = () -> { };

    private MillionSleeps() {
    }

    /** The hosts compared, in the order reports list them. */
    static List<Host> hosts() {
        return List.of(Host.tasksOf(PeerKind.WEFT_MULTI_THREAD), Host.tasksOf(PeerKind.JDK_VIRTUAL_THREADS),
                new Host(ScheduledExecutorSleepHost.CONTESTANT, ScheduledExecutorSleepHost::new));
    }

    /** One run on a fresh instance of {@code host}; returns the milliseconds until all sleeps woke. */
    static double millisUntilAllWoken(Host host) {
        try (SleepHost sleeps = host.open()) {
            CountDownLatch woken = new CountDownLatch(SLEEPS);
            long start = System.nanoTime();
            sleeps.startSleeps(SLEEPS, TIMED_SLEEP, NOTHING, woken::countDown);
            Latches.await(woken);
            return (System.nanoTime() - start) / 1e6;
        }
    }

    /**
     * One run on a fresh instance of {@code host}; returns the heap bytes per pending sleep. The reading
     * with the sleeps pending takes one collection: a second and a third gave the same figure to the byte
     * with a million Weft sleeps pending, and each takes about two seconds on two cores.
     */
    static double bytesPerPendingSleep(Host host) {
        try (SleepHost sleeps = host.open()) {
            CountDownLatch started = new CountDownLatch(SLEEPS);
            long idle = HeapMeter.usedAfterCollections();
            sleeps.startSleeps(SLEEPS, PENDING_SLEEP, started::countDown, NOTHING);
            Latches.await(started);
            LockSupport.parkNanos(SETTLE_NANOS);
            return (HeapMeter.usedAfterCollections(1) - idle) / (double) SLEEPS;
        }
    }

    /**
     * One contestant of this workload and how to open a fresh instance of it.
     *
     * @param contestant its column in reports
     * @param opener     opens a fresh host; the caller closes it
     */
    record Host(Contestant contestant, Supplier<SleepHost> opener) {

        /** The tasks of a fresh peer of {@code kind}. */
        static Host tasksOf(PeerKind kind) {
            return new Host(kind, () -> new TaskSleepHost(kind.open()));
        }

        SleepHost open() {
            return opener.get();
        }
    }
}
