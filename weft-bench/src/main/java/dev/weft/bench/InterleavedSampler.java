package dev.weft.bench;

import dev.weft.bench.peer.Peer;
import dev.weft.bench.peer.PeerKind;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
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
final class InterleavedSampler {

    private final long warmupNanos;
    private final long minSampleNanos;
    private final int rounds;

    /**
     * @param warmupNanos    the least time each peer spends warming up (0: one run each)
     * @param minSampleNanos the least time a sample of the fastest peer lasts (0: one run a sample)
     * @param rounds         samples per peer
     */
    InterleavedSampler(long warmupNanos, long minSampleNanos, int rounds) {
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds < 1: " + rounds);
        }
        this.warmupNanos = warmupNanos;
        this.minSampleNanos = minSampleNanos;
        this.rounds = rounds;
    }

    /**
     * Warms up, then samples {@code measurement} (one run on one peer, returning the measured value) on
     * every peer; returns the statistics per peer.
     */
    Map<PeerKind, Stats> sample(List<Peer> peers, ToDoubleFunction<Peer> measurement) {
        long fastestRunNanos = warmUp(peers, measurement);
        int runsPerSample = (int) Math.max(1, Math.min(1_000, Math.ceilDiv(minSampleNanos, fastestRunNanos)));
        System.gc();
        int count = peers.size();
        double[][] samples = new double[count][rounds];
        for (int round = 0; round < rounds; round++) {
            for (int turn = 0; turn < count; turn++) {
                int peer = (round + turn) % count;
                double sum = 0;
                for (int run = 0; run < runsPerSample; run++) {
                    sum += measurement.applyAsDouble(peers.get(peer));
                }
                samples[peer][round] = sum / runsPerSample;
            }
        }
        Map<PeerKind, Stats> stats = new EnumMap<>(PeerKind.class);
        for (int peer = 0; peer < count; peer++) {
            stats.put(peers.get(peer).kind(), Stats.of(samples[peer]));
        }
        return stats;
    }

    /** Runs the warm-up; returns the mean wall time of one run on the fastest peer, in nanoseconds. */
    private long warmUp(List<Peer> peers, ToDoubleFunction<Peer> measurement) {
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

    private static long leastOf(long[] values) {
        long least = Long.MAX_VALUE;
        for (long value : values) {
            least = Math.min(least, value);
        }
        return least;
    }
}
