package dev.weft.bench.channel;

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

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Weft's channels against the JDK's blocking queues used from its virtual threads, in one JVM: the
 * harness behind {@code bin/bench channels}. The workloads are Tokio's channel benchmarks (issue 5):
 * {@link MpscContention}, {@link MpscUncontended}, {@link RequestReply}, {@link BroadcastFanOut}. Each gets
 * fresh peers, an interleaved warm-up and interleaved samples ({@link InterleavedSampler}); the result is
 * a markdown table on standard output, progress on standard error. {@code --help} lists the options.
 */
public final class ChannelComparison {

    /** The least time a sample of the fastest peer lasts; see {@link InterleavedSampler}. */
    private static final long MIN_SAMPLE_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private ChannelComparison() {
    }

    /** Every workload, in the order the report lists them. */
    static List<ChannelWorkload> workloads() {
        List<ChannelWorkload> all = new ArrayList<>(MpscContention.all());
        all.add(new MpscUncontended());
        all.add(new RequestReply());
        all.addAll(BroadcastFanOut.all());
        return all;
    }

    /** Runs the comparison; see {@code --help}. */
    public static void main(String[] args) {
        HarnessOptions options = syntax().parseOrExit(args);
        long started = System.nanoTime();
        ComparisonTable table = table();
        StringBuilder legend = new StringBuilder();
        measure(options, sampler(options), table, legend);
        System.out.println(environment("Channel comparison", options, System.nanoTime() - started));
        System.out.println(legend);
        System.out.println(table.toMarkdown());
    }

    /** The names of the channel workloads, in the order the report lists them. */
    public static List<String> workloadNames() {
        return workloads().stream().map(ChannelWorkload::name).toList();
    }

    /** The sampler every workload of {@code bin/bench channels} and {@code bin/bench sync} uses. */
    public static InterleavedSampler sampler(HarnessOptions options) {
        return new InterleavedSampler(TimeUnit.MILLISECONDS.toNanos(options.warmupMillis()), MIN_SAMPLE_NANOS,
                options.rounds());
    }

    /** An empty table with a column per peer. */
    public static ComparisonTable table() {
        return new ComparisonTable(List.of(PeerKind.values()), ": median (p10-p90)", "speed-up",
                "Speed-up is the JDK's median divided by Weft's: above 1, Weft is faster.");
    }

    /**
     * Measures every channel workload that {@code options} selects, each on fresh peers: adds its row to
     * {@code table} and its line to {@code legend}, and reports progress on standard error.
     */
    public static void measure(HarnessOptions options, InterleavedSampler sampler, ComparisonTable table,
                               StringBuilder legend) {
        for (ChannelWorkload workload : workloads()) {
            if (options.selects(workload.name())) {
                long start = System.nanoTime();
                Map<Contestant, Stats> stats = FreshPeers.use(List.of(PeerKind.values()),
                        peers -> sampler.sample(peers, Peer::kind, workload::microsToRun));
                Progress.report(workload.name(), stats, start);
                table.add(workload.name(), "us", stats);
                legend.append("- `").append(workload.name()).append("`: ").append(workload.legend()).append('\n');
            }
        }
    }

    private static HarnessOptions.Syntax syntax() {
        return new HarnessOptions.Syntax("bin/bench channels", """
                Runs Tokio's channel workloads (mpsc contention and uncontended, mpsc + oneshot request/reply,
                broadcast fan-out) with Weft's channels on its current-thread and multi-thread flavours, and with
                the JDK's blocking queues on its virtual threads, in one JVM; prints a markdown table of medians,
                p10-p90 and speed-ups (JDK median / Weft median; above 1 means Weft is faster).""",
                "samples per workload and peer", 25, "least warm-up time per peer and workload", 1_000,
                workloadNames());
    }

    /**
     * The report's heading, {@code title}, and where and how it was measured: the JVM, the cores, the
     * sampling, the command line and the wall time.
     */
    public static String environment(String title, HarnessOptions options, long elapsedNanos) {
        return String.format(Locale.ROOT, """
                ## %s

                - JVM: %s
                - cores: %d (Runtime.availableProcessors); Weft multi-thread workers: one per core
                - %d samples per workload and peer, interleaved; a sample is the mean of as many runs as fill \
                %d ms on the fastest peer; warm-up at least %d ms per peer
                - time: measured inside the root task of each run
                - command: `%s`
                - wall time: %.0f s
                """, title, Environment.jvm(), Environment.cores(), options.rounds(),
                TimeUnit.NANOSECONDS.toMillis(MIN_SAMPLE_NANOS), options.warmupMillis(), Environment.command(),
                elapsedNanos / 1e9);
    }
}
