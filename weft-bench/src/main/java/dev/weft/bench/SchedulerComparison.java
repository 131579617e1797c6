package dev.weft.bench;

import dev.weft.bench.peer.Peer;
import dev.weft.bench.peer.PeerKind;
import dev.weft.bench.workload.IdleTaskHeap;
import dev.weft.bench.workload.Workload;

import java.util.ArrayList;
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
        HarnessOptions options;
        try {
            options = HarnessOptions.parse(args, names);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.err.print(HarnessOptions.usage(names));
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.print(HarnessOptions.usage(names));
            return;
        }
        long started = System.nanoTime();
        ComparisonTable table = new ComparisonTable();
        InterleavedSampler timer = new InterleavedSampler(
                TimeUnit.MILLISECONDS.toNanos(options.warmupMillis()), MIN_SAMPLE_NANOS, options.rounds());
        for (Workload workload : Workload.all()) {
            if (options.selects(workload.name())) {
                table.add(workload.name(), "ms", onFreshPeers(workload.name(),
                        peers -> timer.sample(peers, peer -> millisToRun(workload, peer))));
            }
        }
        if (options.selects(idleTaskHeap.name())) {
            InterleavedSampler heapSampler = new InterleavedSampler(0, 0, HEAP_ROUNDS);
            table.add(idleTaskHeap.name(), "bytes/task", onFreshPeers(idleTaskHeap.name(),
                    peers -> heapSampler.sample(peers, idleTaskHeap::bytesPerTask)));
        }
        System.out.println(environment(options, System.nanoTime() - started));
        System.out.println(table.toMarkdown());
    }

    private static double millisToRun(Workload workload, Peer peer) {
        long start = System.nanoTime();
        workload.runOnce(peer);
        return (System.nanoTime() - start) / 1e6;
    }

    /** Opens one peer of every kind, applies {@code measure}, closes them, and logs the medians. */
    private static Map<PeerKind, Stats> onFreshPeers(String name,
                                                     Function<List<Peer>, Map<PeerKind, Stats>> measure) {
        long start = System.nanoTime();
        List<Peer> peers = new ArrayList<>();
        Map<PeerKind, Stats> stats;
        try {
            for (PeerKind kind : PeerKind.values()) {
                peers.add(kind.open());
            }
            stats = measure.apply(peers);
        } finally {
            peers.forEach(Peer::close);
        }
        StringBuilder line = new StringBuilder(name).append(':');
        stats.forEach((kind, result) -> line.append(' ').append(kind.label()).append(' ')
                .append(String.format(Locale.ROOT, "%.3f,", result.median())));
        line.append(String.format(Locale.ROOT, " (%.1f s)", (System.nanoTime() - start) / 1e9));
        System.err.println(line);
        return stats;
    }

    private static String environment(HarnessOptions options, long elapsedNanos) {
        String command = ProcessHandle.current().info().commandLine().orElse("(unavailable)");
        return String.format(Locale.ROOT, """
                ## Scheduler comparison

                - JVM: %s %s (%s)
                - cores: %d (Runtime.availableProcessors); Weft multi-thread workers: one per core
                - samples: %d per workload and peer, interleaved; each the mean of a batch of runs \
                lasting >= %d ms on the fastest peer
                - warm-up: at least %d ms and the same number of runs per peer \
                (idle_task_heap: %d samples after one warm-up round)
                - command: `%s`
                - wall time: %.0f s
                """, System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
                System.getProperty("java.vm.vendor"), Runtime.getRuntime().availableProcessors(),
                options.rounds(), TimeUnit.NANOSECONDS.toMillis(MIN_SAMPLE_NANOS), options.warmupMillis(), HEAP_ROUNDS,
                command, elapsedNanos / 1e9);
    }
}
