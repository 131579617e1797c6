package dev.weft.bench.echo;

import dev.weft.bench.ComparisonTable;
import dev.weft.bench.ComparisonTable.Better;
import dev.weft.bench.Contestant;
import dev.weft.bench.Environment;
import dev.weft.bench.HarnessOptions;
import dev.weft.bench.InterleavedSampler;
import dev.weft.bench.Progress;
import dev.weft.bench.Stats;
import dev.weft.bench.Summary;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * TCP echo servers under one closed-loop client, the harness behind {@code bin/bench echo} (issue 4):
 * Weft, Netty 4.2 (NIO, and epoll where its native library loads) and the JDK's virtual threads with
 * blocking sockets, each in a JVM of its own, at 64 connections with 128-byte and 16 KiB messages and at
 * 1 000 connections with 128-byte messages. Each measurement opens fresh connections, warms up, then
 * measures; the servers take turns, round after round ({@link InterleavedSampler#interleave}). The
 * result is a markdown table ({@link ComparisonTable}) of medians over the rounds on standard output,
 * progress on standard error. {@code --help} lists the options.
 *
 * <p>A server that stops answering (a connection still open long after the load stopped) is a result
 * too: the harness lists the failure under the table, restarts that server's JVM and goes on; its cells
 * summarize the rounds that succeeded, or say {@code failed}.
 */
public final class EchoComparison {

    private static final String MEASURE_MS = "--measure-ms";
    private static final String CLIENT_THREADS = "--client-threads";

    private EchoComparison() {
    }

    /** Runs the comparison; see {@code --help}. */
    public static void main(String[] args) {
        HarnessOptions options = syntax().parseOrExit(args);
        long started = System.nanoTime();
        List<EchoServerKind> kinds = EchoServerKind.available();
        Duration warmUp = Duration.ofMillis(options.warmupMillis());
        Duration measurement = Duration.ofMillis(options.setting(MEASURE_MS));
        ComparisonTable table = new ComparisonTable(kinds, ": median (p10-p90)", "ratio", """
                Ratio: how many times better Weft does than the peer, above 1 when Weft is better: Weft's \
                median divided by the peer's for throughput, the peer's divided by Weft's for latency.""");
        List<String> failures = new ArrayList<>();
        LoadGenerator client = new LoadGenerator(NettyTransport.best(), options.setting(CLIENT_THREADS));
        try (client; ForkedServers servers = new ForkedServers(kinds)) {
            for (Scenario scenario : Scenario.all()) {
                if (options.selects(scenario.name())) {
                    long start = System.nanoTime();
                    LoadResult[][] results = new LoadResult[kinds.size()][options.rounds()];
                    InterleavedSampler.interleave(kinds.size(), options.rounds(), (server, round) -> {
                        EchoServerKind kind = kinds.get(server);
                        try {
                            results[server][round] = client.measure(servers.address(kind), scenario, warmUp,
                                    measurement);
                        } catch (IllegalStateException e) {
                            failures.add(kind.label() + ", " + scenario.label() + ", round " + (round + 1) + ": "
                                    + e.getMessage());
                            System.err.println(failures.getLast());
                            servers.restart(kind);
                        }
                    });
                    addRows(table, scenario, kinds, results);
                    Progress.report(scenario.label() + ", msgs/s",
                            summarize(kinds, results, LoadResult::messagesPerSecond), start);
                }
            }
        }
        System.out.println(environment(options, client, kinds, System.nanoTime() - started));
        System.out.println(table.toMarkdown());
        if (!failures.isEmpty()) {
            System.out.println("Failed measurements (not in the table; the server's JVM was restarted after each):\n");
            failures.forEach(failure -> System.out.println("- " + failure));
        }
    }

    private static HarnessOptions.Syntax syntax() {
        return new HarnessOptions.Syntax("bin/bench echo", """
                Runs TCP echo servers (Weft; Netty 4.2 NIO and, where its native library loads, epoll; the JDK's
                virtual threads with blocking sockets), each in a JVM of its own, under one closed-loop Netty
                client in this JVM, and prints a markdown table of throughput and latency (HdrHistogram),
                medians over the rounds, and the ratios of Weft to each peer.""",
                "rounds; each measures every server once per scenario", 3,
                "unrecorded load before each measurement", 2_000,
                Scenario.all().stream().map(Scenario::name).toList(),
                List.of(new HarnessOptions.Setting(MEASURE_MS, "recorded load per measurement, in ms", 5_000, 1),
                        new HarnessOptions.Setting(CLIENT_THREADS, "event loops of the client", 2, 1)));
    }

    private static void addRows(ComparisonTable table, Scenario scenario, List<EchoServerKind> kinds,
                                LoadResult[][] results) {
        String label = scenario.label();
        table.add(label + ": throughput", "msgs/s", Better.LARGER,
                summarize(kinds, results, LoadResult::messagesPerSecond));
        table.add(label + ": throughput", "MB/s", Better.LARGER,
                summarize(kinds, results, LoadResult::megabytesPerSecond));
        table.add(label + ": latency p50", "µs", summarize(kinds, results, result -> result.latencyMicros(50)));
        table.add(label + ": latency p99", "µs", summarize(kinds, results, result -> result.latencyMicros(99)));
    }

    /**
     * The statistics of {@code value} over the rounds that succeeded, per server ({@code failed} for a server
     * with none).
     */
    private static Map<Contestant, Summary> summarize(List<EchoServerKind> kinds, LoadResult[][] results,
                                                      ToDoubleFunction<LoadResult> value) {
        Map<Contestant, Summary> stats = new LinkedHashMap<>();
        for (int server = 0; server < kinds.size(); server++) {
            double[] samples = Arrays.stream(results[server]).filter(Objects::nonNull).mapToDouble(value).toArray();
            stats.put(kinds.get(server), samples.length == 0 ? Summary.missing("failed") : Stats.of(samples));
        }
        return stats;
    }

    private static String environment(HarnessOptions options, LoadGenerator client, List<EchoServerKind> kinds,
                                      long elapsedNanos) {
        String setups = kinds.stream().map(kind -> "  - " + kind.label() + ": " + kind.setup())
                .collect(Collectors.joining("\n"));
        return String.format(Locale.ROOT, """
                ## Echo comparison

                - JVM: %s
                - cores: %d (Runtime.availableProcessors)
                - servers, each in a JVM of its own forked with this JVM's java and flags, on 127.0.0.1, \
                TCP_NODELAY on every connection, backlog %d:
                %s
                - Netty epoll: %s
                - client, in this JVM: Netty %s, %d event loops, TCP_NODELAY; each connection sends a message, \
                waits for its whole echo, records the round trip in an HdrHistogram and sends the next (closed loop)
                - rounds: %d, the servers taking turns (rotating who goes first); each measurement opens fresh \
                connections, runs %d ms unrecorded, then %d ms recorded; cells are medians (p10-p90) over the rounds
                - server JVM command: `%s <server>`
                - command: `%s`
                - wall time: %.0f s
                """, Environment.jvm(), Environment.cores(), EchoServer.BACKLOG, setups,
                NettyTransport.EPOLL.availability(), client.transport().label(), client.threads(), options.rounds(),
                options.warmupMillis(), options.setting(MEASURE_MS), String.join(" ", ForkedServers.javaCommand()),
                Environment.command(), elapsedNanos / 1e9);
    }
}
