package dev.weft.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Takes the same measurement on several peers, alternating between them so that a noisy neighbour or a
 * garbage collection hurts every peer alike.
 *
 * <p>Warm-up runs the measurement on each peer in turn until every peer has spent at least the warm-up
 * time in it, so all peers get the same number of warm-up runs and each at least that much time (a
 * slower peer is never warmed less). Sampling then takes {@code rounds} rounds of one sample per peer,
 * rotating which peer goes first. A sample is the mean of a batch of runs, the same number for every
 * peer, sized so that the fastest peer's batch lasts about the minimum sample time: that spreads the
 * samples of a short workload over enough time for a burst of noise to spoil only some of them.
 */
public final class InterleavedSampler {

    /** The warm-up time that skips the warm-up, for measurements that need none (heap after timed runs). */
    public static final long NO_WARMUP = -1;

    private final long warmupNanos;
    private final long minSampleNanos;
    private final int rounds;

    /**
     * @param warmupNanos    the least time each peer spends warming up (0: one run each; {@link #NO_WARMUP}:
     *                       none, and then every sample is one run)
     * @param minSampleNanos the least time a sample of the fastest peer lasts (0: one run a sample)
     * @param rounds         samples per peer
     */
    public InterleavedSampler(long warmupNanos, long minSampleNanos, int rounds) {
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds < 1: " + rounds);
        }
        this.warmupNanos = warmupNanos;
        this.minSampleNanos = minSampleNanos;
        this.rounds = rounds;
    }

    /**
     * Gives each of {@code peers} peers (by index) one turn a round for {@code rounds} rounds, rotating
     * which peer goes first.
     */
    public static void interleave(int peers, int rounds, Turn turn) {
        for (int round = 0; round < rounds; round++) {
            for (int offset = 0; offset < peers; offset++) {
                turn.take((round + offset) % peers, round);
            }
        }
    }

    /**
     * Warms up, then samples {@code measurement} (one run on one peer, returning the measured value) on
     * every peer; returns the statistics of each peer's {@code contestant}, in the order of {@code peers}.
     */
    public <P> Map<Contestant, Stats> sample(List<P> peers, Function<? super P, ? extends Contestant> contestant,
                                             ToDoubleFunction<? super P> measurement) {
        long fastestRunNanos = warmupNanos == NO_WARMUP ? Long.MAX_VALUE : warmUp(peers, measurement);
        int runsPerSample = (int) Math.max(1, Math.min(1_000, Math.ceilDiv(minSampleNanos, fastestRunNanos)));
        System.gc();
        double[][] samples = new double[peers.size()][rounds];
        interleave(peers.size(), rounds, (peer, round) -> {
            double sum = 0;
            for (int run = 0; run < runsPerSample; run++) {
                sum += measurement.applyAsDouble(peers.get(peer));
            }
            samples[peer][round] = sum / runsPerSample;
        });
        Map<Contestant, Stats> stats = new LinkedHashMap<>();
        for (int peer = 0; peer < peers.size(); peer++) {
            stats.put(contestant.apply(peers.get(peer)), Stats.of(samples[peer]));
        }
        return stats;
    }

    /** Runs the warm-up; returns the mean wall time of one run on the fastest peer, in nanoseconds. */
    private <P> long warmUp(List<P> peers, ToDoubleFunction<? super P> measurement) {
        long[] spent = new long[peers.size()];
        long runs = 0;
        do {
            for (int peer = 0; peer < spent.length; peer++) {
                long start = System.nanoTime();
                measurement.applyAsDouble(peers.get(peer));
                spent[peer] += System.nanoTime() - start;
            }
            runs++;
        } while (leastOf(spent) < warmupNanos);
        return Math.max(1, leastOf(spent) / runs);
    }

    /** One peer's turn in a round. */
    @FunctionalInterface
    public interface Turn {

        /** Takes the turn of the peer at index {@code peer} in round {@code round} (both from 0). */
        void take(int peer, int round);
    }

    private static long leastOf(long[] values) {
        long least = Long.MAX_VALUE;
        for (long value : values) {
            least = Math.min(least, value);
        }
        return least;
    }
}
