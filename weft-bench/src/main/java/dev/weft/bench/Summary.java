package dev.weft.bench;

import java.util.function.DoubleFunction;

/** What one cell of a {@link ComparisonTable} shows: the value that ratios compare, and how it is printed. */
public interface Summary {

    /** The value ratios compare (smaller is better). */
    double central();

    /** The cell's text, with {@code number} formatting each number in it. */
    String format(DoubleFunction<String> number);

    /**
     * A cell with no value, for a contestant whose measurement failed: it prints {@code text}, and every
     * ratio with it is {@code n/a}.
     */
    static Summary missing(String text) {
        return new Summary() {
            @Override
            public double central() {
                return Double.NaN;
            }

            @Override
            public String format(DoubleFunction<String> number) {
                return text;
            }
        };
    }

    /** A summary that is a single number, such as one percentile of a pooled set of measurements. */
    static Summary of(double value) {
        return new Summary() {
            @Override
            public double central() {
                return value;
            }

            @Override
            public String format(DoubleFunction<String> number) {
                return number.apply(value);
            }
        };
    }
}
