package dev.weft.bench;

import dev.weft.bench.peer.FreshPeers;
import dev.weft.bench.peer.Peer;
import dev.weft.bench.peer.PeerKind;
import dev.weft.bench.workload.IdleTaskHeap;
import dev.weft.bench.workload.Workload;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Tokio's scheduler benchmarks on Weft's two flavours and on the JDK's virtual threads, in one JVM: the
 * harness behind {@code bin/bench}. Each workload gets fresh peers, an interleaved warm-up and
 * interleaved samples ({@link InterleavedSampler}); the result is a markdown table ({@link ComparisonTable})
 * on standard output, progress on standard error. {@code --help} lists the options.
 */
public final class SchedulerComparison {

    /** Heap samples per peer, after one warm-up round; each parks 100 000 tasks. */
    private static final int HEAP_ROUNDS = 5;
    /** The least time a timed sample of the fastest peer lasts; see {@link InterleavedSampler}. */
    private static final long MIN_SAMPLE_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private SchedulerComparison() {
    }

    /** Runs the comparison; see {@code --help}. */
    public static void main(String[] args) {
        IdleTaskHeap idleTaskHeap = new IdleTaskHeap();
        List<String> names = Stream.concat(Workload.all().stream().map(Workload::name),
                Stream.of(idleTaskHeap.name())).toList();
        HarnessOptions options = syntax(names).parseOrExit(args);
        long started = System.nanoTime();
        ComparisonTable table = new ComparisonTable(List.of(PeerKind.values()), ": median (p10-p90)", "speed-up",
                "Speed-up is the JDK's median divided by Weft's: above 1, Weft is faster (for idle_task_heap, it"
                        + " holds less heap per idle task).");
        InterleavedSampler timer = new InterleavedSampler(
                TimeUnit.MILLISECONDS.toNanos(options.warmupMillis()), MIN_SAMPLE_NANOS, options.rounds());
        for (Workload workload : Workload.all()) {
            if (options.selects(workload.name())) {
                table.add(workload.name(), "ms", onFreshPeers(workload.name(),
                        peers -> timer.sample(peers, Peer::kind, peer -> millisToRun(workload, peer))));
            }
        }
        if (options.selects(idleTaskHeap.name())) {
            InterleavedSampler heapSampler = new InterleavedSampler(0, 0, HEAP_ROUNDS);
            table.add(idleTaskHeap.name(), "bytes/task", onFreshPeers(idleTaskHeap.name(),
                    peers -> heapSampler.sample(peers, Peer::kind, idleTaskHeap::bytesPerTask)));
        }
        System.out.println(environment(options, System.nanoTime() - started));
        System.out.println(table.toMarkdown());
    }

    private static HarnessOptions.Syntax syntax(List<String> workloadNames) {
        return new HarnessOptions.Syntax("bin/bench", """
                Runs Tokio's scheduler workloads on Weft (current-thread and multi-thread flavours) and on the
                JDK's virtual threads in one JVM, and prints a markdown table of medians, p10-p90 and speed-ups
                (JDK median / Weft median; above 1 means Weft is faster).""",
                "samples per workload and peer", 25, "least warm-up time per peer and timed workload", 1_500,
                workloadNames);
    }

    private static double millisToRun(Workload workload, Peer peer) {
        long start = System.nanoTime();
        workload.runOnce(peer);
        return (System.nanoTime() - start) / 1e6;
    }

    /** Opens one peer of every kind, applies {@code measure}, closes them, and logs the medians. */
    private static Map<Contestant, Stats> onFreshPeers(String name,
                                                       Function<List<Peer>, Map<Contestant, Stats>> measure) {
        long start = System.nanoTime();
        Map<Contestant, Stats> stats = FreshPeers.use(List.of(PeerKind.values()), measure);
        Progress.report(name, stats, start);
        return stats;
    }

    private static String environment(HarnessOptions options, long elapsedNanos) {
        return String.format(Locale.ROOT, """
                ## Scheduler comparison

                - JVM: %s
                - cores: %d (Runtime.availableProcessors); Weft multi-thread workers: one per core
                - samples: %d per workload and peer, interleaved; each the mean of a batch of runs \
                lasting >= %d ms on the fastest peer
                - warm-up: at least %d ms and the same number of runs per peer \
                (idle_task_heap: %d samples after one warm-up round)
                - command: `%s`
                - wall time: %.0f s
                """, Environment.jvm(), Environment.cores(), options.rounds(),
                TimeUnit.NANOSECONDS.toMillis(MIN_SAMPLE_NANOS), options.warmupMillis(), HEAP_ROUNDS,
                Environment.command(), elapsedNanos / 1e9);
    }
}
