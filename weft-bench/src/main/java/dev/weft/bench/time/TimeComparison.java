package dev.weft.bench.time;

import dev.weft.bench.ComparisonTable;
import dev.weft.bench.Contestant;
import dev.weft.bench.Environment;
import dev.weft.bench.HarnessOptions;
import dev.weft.bench.InterleavedSampler;
import dev.weft.bench.Progress;
import dev.weft.bench.Stats;
import dev.weft.bench.peer.FreshPeers;
import dev.weft.bench.peer.Peer;
import dev.weft.bench.peer.PeerKind;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * Weft's timers against the JDK's, in one JVM: the harness behind {@code bin/bench time}. Four workloads
 * after Tokio's {@code benches/time_timeout.rs} and issue 3: {@link TimeoutReady}, {@link SleepCreateDrop},
 * {@link MillionSleeps} and {@link Lateness}. Each gets fresh peers that take turns
 * ({@link InterleavedSampler}); the results are markdown tables on standard output, progress on standard
 * error. {@code --help} lists the options.
 */
public final class TimeComparison {

    /** Samples per host for each million_sleeps measurement; a sample takes seconds and a million sleeps. */
    private static final int MILLION_SLEEPS_ROUNDS = 3;
    private static final List<PeerKind> TASK_PEERS = List.of(PeerKind.values());
    private static final String MEDIANS = ": median (p10-p90)";

    private TimeComparison() {
    }

    /** Runs the comparison; see {@code --help}. */
    public static void main(String[] args) {
        HarnessOptions options = syntax().parseOrExit(args);
        long started = System.nanoTime();
        List<Section> sections = List.of(timerOperations(options), millionSleeps(options), lateness(options));
        System.out.println(environment(options, System.nanoTime() - started));
        for (Section section : sections) {
            if (!section.table().isEmpty()) {
                System.out.println("### " + section.title() + "\n\n" + section.legend() + "\n\n"
                        + section.table().toMarkdown());
            }
        }
    }

    private static HarnessOptions.Syntax syntax() {
        return new HarnessOptions.Syntax("bin/bench time", """
                Runs timer workloads (after Tokio's benches/time_timeout.rs and issue 3) on Weft (current-thread
                and multi-thread flavours) and on the JDK (virtual threads, ScheduledThreadPoolExecutor) in one
                JVM, and prints markdown tables of medians, p10-p90 and ratios (JDK / Weft; above 1 means Weft
                is better). million_sleeps takes %d samples per measurement; lateness takes %d rounds.""".formatted(
                MILLION_SLEEPS_ROUNDS, Lateness.ROUNDS),
                "samples per peer for timeout_ready and sleep_create_drop", 15,
                "least warm-up time per peer for timeout_ready and sleep_create_drop", 200,
                List.of(TimeoutReady.NAME, SleepCreateDrop.NAME, MillionSleeps.NAME, Lateness.NAME));
    }

    private static Section timerOperations(HarnessOptions options) {
        ComparisonTable table = new ComparisonTable(TASK_PEERS, MEDIANS, "ratio",
                "Ratio: the JDK's median divided by Weft's; above 1, Weft is faster.");
        InterleavedSampler sampler = new InterleavedSampler(
                TimeUnit.MILLISECONDS.toNanos(options.warmupMillis()), 0, options.rounds());
        if (options.selects(TimeoutReady.NAME)) {
            table.add(TimeoutReady.NAME, "ns/iteration",
                    sampleOnFreshPeers(TimeoutReady.NAME, sampler, TimeoutReady::nanosPerIteration));
        }
        if (options.selects(SleepCreateDrop.NAME)) {
            table.add(SleepCreateDrop.NAME, "ns/iteration",
                    sampleOnFreshPeers(SleepCreateDrop.NAME, sampler, SleepCreateDrop::nanosPerIteration));
        }
        return new Section("Timer operations", """
                Per iteration, %,d iterations inside one task. Weft: timeout_ready is
                `Time.timeout(1 s, Async.completed(1)).await()` (a timer armed in the wheel and cancelled),
                sleep_create_drop is `Time.sleep(1 s)` created and dropped (lazy: no timer is armed, as in
                Tokio). JDK: for both, one virtual thread calling `ScheduledThreadPoolExecutor.schedule(task, 1 s)`
                then `cancel(false)` (remove-on-cancel policy).""".formatted(TimeoutReady.ITERATIONS), table);
    }

    /** Samples {@code measurement} on fresh task peers and logs the medians. */
    private static Map<Contestant, Stats> sampleOnFreshPeers(String name, InterleavedSampler sampler,
                                                             ToDoubleFunction<Peer> measurement) {
        long start = System.nanoTime();
        Map<Contestant, Stats> stats = FreshPeers.use(TASK_PEERS,
                peers -> sampler.sample(peers, Peer::kind, measurement));
        Progress.report(name, stats, start);
        return stats;
    }

    private static Section millionSleeps(HarnessOptions options) {
        List<MillionSleeps.Host> hosts = MillionSleeps.hosts();
        ComparisonTable table = new ComparisonTable(hosts.stream().map(MillionSleeps.Host::contestant).toList(),
                MEDIANS, "ratio",
                "Ratio: the JDK baseline's median divided by Weft's; above 1, Weft is faster or holds less heap.");
        if (options.selects(MillionSleeps.NAME)) {
            long start = System.nanoTime();
            Map<Contestant, Stats> time = new InterleavedSampler(0, 0, MILLION_SLEEPS_ROUNDS)
                    .sample(hosts, MillionSleeps.Host::contestant, MillionSleeps::millisUntilAllWoken);
            Progress.report("million_sleeps, time", time, start);
            table.add("million_sleeps: first spawn to all woken", "ms", time);
            Map<Contestant, Stats> heap = new InterleavedSampler(InterleavedSampler.NO_WARMUP, 0, MILLION_SLEEPS_ROUNDS)
                    .sample(hosts, MillionSleeps.Host::contestant, MillionSleeps::bytesPerPendingSleep);
            Progress.report("million_sleeps, heap", heap, start);
            table.add("million_sleeps: heap per pending sleep", "bytes/sleep", heap);
        }
        return new Section("One million sleeps", """
                Weft multi-thread: a task per sleep, `Time.sleep(1 s).await()`. JDK virtual threads: a thread per
                sleep, `Thread.sleep`. STPE: a `ScheduledThreadPoolExecutor` (one thread per core) with a callback
                per sleep. Time: first spawn until all %,d one-second sleeps have woken. Heap: per pending sleep,
                after a full collection.""".formatted(MillionSleeps.SLEEPS), table);
    }

    private static Section lateness(HarnessOptions options) {
        ComparisonTable table = new ComparisonTable(TASK_PEERS, "", "ratio",
                "Ratio: the JDK's percentile divided by Weft's; above 1, Weft wakes closer to the deadline.");
        if (options.selects(Lateness.NAME)) {
            FreshPeers.use(TASK_PEERS, peers -> {
                Lateness.measureInto(table, peers);
                return null;
            });
        }
        return new Section("Timer lateness", """
                Wake time minus requested deadline, real clock, sleeps one after another inside one task:
                %,d sleeps of 1 ms and %,d of 10 ms per peer; cells are percentiles over all of them. Weft's wheel
                ticks every millisecond and rounds a deadline up to the next tick.""".formatted(
                Lateness.ROUNDS * Lateness.SHORT_SLEEPS_PER_ROUND, Lateness.ROUNDS * Lateness.LONG_SLEEPS_PER_ROUND),
                table);
    }

    private static String environment(HarnessOptions options, long elapsedNanos) {
        return String.format(Locale.ROOT, """
                ## Time comparison

                - JVM: %s
                - cores: %d (Runtime.availableProcessors); Weft multi-thread workers: one per core
                - timeout_ready and sleep_create_drop: %d samples per peer, interleaved, each one run of %,d \
                iterations; warm-up at least %d ms and the same number of runs per peer
                - million_sleeps: %d samples per host and measurement, interleaved, a fresh host each run; \
                one warm-up run before the timed ones, none before the heap ones
                - lateness: %d interleaved rounds, after %d sleeps of 1 ms per peer
                - command: `%s`
                - wall time: %.0f s
                """, Environment.jvm(), Environment.cores(), options.rounds(), TimeoutReady.ITERATIONS,
                options.warmupMillis(), MILLION_SLEEPS_ROUNDS, Lateness.ROUNDS, Lateness.WARMUP_SLEEPS,
                Environment.command(), elapsedNanos / 1e9);
    }

    /**
     * One table of the report.
     *
     * @param title  its heading
     * @param legend what each contestant does in it
     * @param table  the measurements
     */
    private record Section(String title, String legend, ComparisonTable table) {
    }
}
