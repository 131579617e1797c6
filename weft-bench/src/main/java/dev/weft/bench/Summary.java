package dev.weft.bench;

import java.util.function.DoubleFunction;

/** What one cell of a {@link ComparisonTable} shows: the value that ratios compare, and how it is printed. */
public interface Summary {

    /** The value ratios compare (smaller is better). */
    double central();

    /** The cell's text, with {@code number} formatting each number in it. */
    String format(DoubleFunction<String> number);

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
