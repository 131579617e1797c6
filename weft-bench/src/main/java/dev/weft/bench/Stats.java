package dev.weft.bench;

import java.util.Arrays;

/**
 * The median and the 10th and 90th percentiles of a set of samples (linear interpolation between the
 * two nearest ranks).
 *
 * @param median the 50th percentile
 * @param p10    the 10th percentile
 * @param p90    the 90th percentile
 */
public record Stats(double median, double p10, double p90) {

    /**
     * Summarizes {@code samples}, which it does not modify.
     *
     * @throws IllegalArgumentException if there are no samples
     */
    public static Stats of(double[] samples) {
        if (samples.length == 0) {
            throw new IllegalArgumentException("no samples: " + samples.length);
        }
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        return new Stats(percentile(sorted, 0.5), percentile(sorted, 0.1), percentile(sorted, 0.9));
    }

    private static double percentile(double[] sorted, double fraction) {
        double rank = fraction * (sorted.length - 1);
        int below = (int) Math.floor(rank);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (rank - below) * (sorted[above] - sorted[below]);
    }
}
