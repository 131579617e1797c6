package dev.weft.bench.time;

import dev.weft.bench.ComparisonTable;
import dev.weft.bench.Contestant;
import dev.weft.bench.InterleavedSampler;
import dev.weft.bench.Progress;
import dev.weft.bench.Stats;
import dev.weft.bench.Summary;
import dev.weft.bench.peer.Peer;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How late sleeps wake on the real clock: sleeps of 1 ms and of 10 ms, one after another inside one task,
 * each timed with {@link System#nanoTime()}; a sleep's lateness is when it returned minus the deadline it
 * asked for ({@code nanoTime()} before the call plus the duration). The peers take turns in
 * {@value #ROUNDS} rounds (each round: {@value #SHORT_SLEEPS_PER_ROUND} sleeps of 1 ms, then
 * {@value #LONG_SLEEPS_PER_ROUND} of 10 ms, per peer), after a short warm-up; a peer's percentiles are
 * taken over all its sleeps of a length pooled across the rounds.
 */
final class Lateness {

    /** The name reports and {@code --only} use. */
    static final String NAME = "lateness";
    static final int ROUNDS = 10;
    static final int SHORT_SLEEPS_PER_ROUND = 200;
    static final int LONG_SLEEPS_PER_ROUND = 30;

    static final int WARMUP_SLEEPS = 20;
    private static final List<SleepLength> LENGTHS = List.of(
            new SleepLength(Duration.ofMillis(1), SHORT_SLEEPS_PER_ROUND),
            new SleepLength(Duration.ofMillis(10), LONG_SLEEPS_PER_ROUND));
    private static final double[] PERCENTILES = {0.5, 0.99};

    private Lateness() {
    }

    /** Measures on {@code peers} and adds a row per sleep length and percentile to {@code table}. */
    static void measureInto(ComparisonTable table, List<Peer> peers) {
        long start = System.nanoTime();
        for (Peer peer : peers) {
            microsLate(peer, WARMUP_SLEEPS, LENGTHS.getFirst().duration());
        }
        double[][][] late = new double[LENGTHS.size()][peers.size()][];
        for (int length = 0; length < LENGTHS.size(); length++) {
            for (int peer = 0; peer < peers.size(); peer++) {
                late[length][peer] = new double[ROUNDS * LENGTHS.get(length).perRound()];
            }
        }
        InterleavedSampler.interleave(peers.size(), ROUNDS, (peer, round) -> {
            for (int length = 0; length < LENGTHS.size(); length++) {
                int perRound = LENGTHS.get(length).perRound();
                double[] sleeps = microsLate(peers.get(peer), perRound, LENGTHS.get(length).duration());
                System.arraycopy(sleeps, 0, late[length][peer], round * perRound, perRound);
            }
        });
        for (int length = 0; length < LENGTHS.size(); length++) {
            for (double percentile : PERCENTILES) {
                Map<Contestant, Summary> cells = new LinkedHashMap<>();
                for (int peer = 0; peer < peers.size(); peer++) {
                    cells.put(peers.get(peer).kind(), Summary.of(Stats.percentile(late[length][peer], percentile)));
                }
                String row = String.format(Locale.ROOT, "lateness of %d ms sleeps, p%.0f",
                        LENGTHS.get(length).duration().toMillis(), percentile * 100);
                Progress.report(row, cells, start);
                table.add(row, "µs", cells);
            }
        }
    }

    /** Sleeps {@code count} times for {@code duration} inside one task; returns each sleep's lateness in µs. */
    private static double[] microsLate(Peer peer, int count, Duration duration) {
        double[] late = new double[count];
        long nanos = duration.toNanos();
        peer.blockOn(() -> {
            for (int i = 0; i < count; i++) {
                long deadline = System.nanoTime() + nanos;
                peer.sleep(duration);
                late[i] = (System.nanoTime() - deadline) / 1e3;
            }
        });
        return late;
    }

    /**
     * One sleep length and how many sleeps of it each peer takes per round.
     *
     * @param duration the sleep's length
     * @param perRound sleeps per peer and round
     */
    private record SleepLength(Duration duration, int perRound) {
    }
}
