package dev.weft.bench;

import java.util.Arrays;
import java.util.function.DoubleFunction;

/**
 * The median and the 10th and 90th percentiles of a set of samples (linear interpolation between the
 * two nearest ranks).
 *
 * @param median the 50th percentile
 * @param p10    the 10th percentile
 * @param p90    the 90th percentile
 */
public record Stats(double median, double p10, double p90) implements Summary {

    /**
     * Summarizes {@code samples}, which it does not modify.
     *
     * @throws IllegalArgumentException if there are no samples
     */
    public static Stats of(double[] samples) {
        double[] sorted = sortedCopy(samples);
        return new Stats(percentileOfSorted(sorted, 0.5), percentileOfSorted(sorted, 0.1),
                percentileOfSorted(sorted, 0.9));
    }

    /**
     * The percentile {@code fraction} (0.99 for the 99th) of {@code samples}, which it does not modify.
     *
     * @throws IllegalArgumentException if there are no samples
     */
    public static double percentile(double[] samples, double fraction) {
        return percentileOfSorted(sortedCopy(samples), fraction);
    }

    /** The median. */
    @Override
    public double central() {
        return median;
    }

    /** {@code median (p10-p90)}. */
    @Override
    public String format(DoubleFunction<String> number) {
        return number.apply(median) + " (" + number.apply(p10) + "-" + number.apply(p90) + ")";
    }

    private static double[] sortedCopy(double[] samples) {
        if (samples.length == 0) {
            throw new IllegalArgumentException("no samples: " + samples.length);
        }
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        return sorted;
    }

    private static double percentileOfSorted(double[] sorted, double fraction) {
        double rank = fraction * (sorted.length - 1);
        int below = (int) Math.floor(rank);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (rank - below) * (sorted[above] - sorted[below]);
    }
}
