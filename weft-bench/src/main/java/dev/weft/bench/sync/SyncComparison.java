package dev.weft.bench.sync;

import dev.weft.bench.ComparisonTable;
import dev.weft.bench.Contestant;
import dev.weft.bench.Environment;
import dev.weft.bench.HarnessOptions;
import dev.weft.bench.InterleavedSampler;
import dev.weft.bench.Progress;
import dev.weft.bench.Stats;
import dev.weft.bench.channel.ChannelComparison;
import dev.weft.bench.peer.FreshPeers;
import dev.weft.bench.peer.PeerKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * All of Tokio's sync workloads (issue 5) in one JVM, Weft against the JDK's equivalents on its virtual
 * threads: the harness behind {@code bin/bench sync}. First the channel workloads of
 * {@link ChannelComparison}, then the primitives': {@link SemaphoreWorkload}, {@link RwLockWorkload},
 * {@link NotifyOneChain}, {@link NotifyWaitersRounds}, each against the JDK's fair and non-fair
 * equivalents ({@link JdkFairness}). Every workload gets fresh peers, an interleaved warm-up and
 * interleaved samples ({@link InterleavedSampler}); the result is two markdown tables on standard output,
 * progress on standard error. {@code --help} lists the options.
 */
public final class SyncComparison {

    private SyncComparison() {
    }

    /** The primitives' workloads, in the order the report lists them. */
    static List<PrimitiveWorkload> workloads() {
        List<PrimitiveWorkload> all = new ArrayList<>(SemaphoreWorkload.all());
        all.addAll(RwLockWorkload.all());
        all.addAll(NotifyOneChain.all());
        all.addAll(NotifyWaitersRounds.all());
        return all;
    }

    /** Runs the comparison; see {@code --help}. */
    public static void main(String[] args) {
        HarnessOptions options = syntax().parseOrExit(args);
        String loadAtStart = Environment.loadAverage();
        long started = System.nanoTime();
        InterleavedSampler sampler = ChannelComparison.sampler(options);
        ComparisonTable channels = ChannelComparison.table();
        StringBuilder legend = new StringBuilder();
        ChannelComparison.measure(options, sampler, channels, legend);
        ComparisonTable primitives = new ComparisonTable(Seat.columns(), ": median (p10-p90)", "speed-up",
                "Speed-up is the JDK's median divided by Weft's: above 1, Weft is faster. JDK fair: "
                        + "Semaphore(n, true), ReentrantReadWriteLock(true), ReentrantLock(true); non-fair: the "
                        + "JDK's defaults.");
        for (PrimitiveWorkload workload : workloads()) {
            if (options.selects(workload.name())) {
                long start = System.nanoTime();
                Map<Contestant, Stats> stats = FreshPeers.use(List.of(PeerKind.values()),
                        peers -> sampler.sample(Seat.on(peers), Seat::contestant, workload::microsToRun));
                Progress.report(workload.name(), stats, start);
                primitives.add(workload.name(), "us", stats);
                legend.append("- `").append(workload.name()).append("`: ").append(workload.legend()).append('\n');
            }
        }
        System.out.println(ChannelComparison.environment("Sync comparison", options, System.nanoTime() - started)
                + "- load average (1, 5, 15 min): " + loadAtStart + " at the start, " + Environment.loadAverage()
                + " at the end\n");
        System.out.println(legend);
        for (ComparisonTable table : List.of(channels, primitives)) {
            if (!table.isEmpty()) {
                System.out.println(table.toMarkdown());
            }
        }
    }

    private static HarnessOptions.Syntax syntax() {
        List<String> names = new ArrayList<>(ChannelComparison.workloadNames());
        workloads().forEach(workload -> names.add(workload.name()));
        return new HarnessOptions.Syntax("bin/bench sync", """
                Runs Tokio's sync workloads with Weft on its current-thread and multi-thread flavours and with the
                JDK's equivalents on its virtual threads, in one JVM: the channels (mpsc contention and
                uncontended, mpsc + oneshot request/reply, broadcast fan-out) against the JDK's blocking queues,
                then the semaphore, the reader-writer lock and notify against the JDK's Semaphore,
                ReentrantReadWriteLock and ReentrantLock + Condition, fair and non-fair. Prints markdown tables of
                medians, p10-p90 and speed-ups (JDK median / Weft median; above 1 means Weft is faster).""",
                "samples per workload and peer", 25, "least warm-up time per peer and workload", 1_000, names);
    }
}
