package dev.weft.bench;

import java.util.Locale;
import java.util.Map;

/** The progress lines a harness prints on standard error, one per measurement, as it goes. */
public final class Progress {

    private Progress() {
    }

    /**
     * Prints {@code measurement}'s value for each contestant and the time since {@code startNanos}
     * ({@link System#nanoTime()}).
     */
    public static void report(String measurement, Map<Contestant, ? extends Summary> values, long startNanos) {
        StringBuilder line = new StringBuilder(measurement).append(':');
        values.forEach((contestant, value) -> line.append(' ').append(contestant.label()).append(' ')
                .append(String.format(Locale.ROOT, "%.3f,", value.central())));
        line.append(String.format(Locale.ROOT, " (%.1f s)", (System.nanoTime() - startNanos) / 1e9));
        System.err.println(line);
    }
}
