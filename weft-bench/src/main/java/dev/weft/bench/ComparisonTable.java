package dev.weft.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A harness's result as a markdown table: one row per measurement, one column per {@link Contestant},
 * then one ratio column for every pair of a baseline and a Weft flavour.
 *
 * <p>A ratio is above 1 when Weft does better. For a measurement where smaller is better (time, heap,
 * latency) it is the baseline's value divided by the Weft flavour's, and the ratio columns are headed
 * {@code (JDK / Weft)}; a table that also has rows where larger is better (throughput), whose ratio is the
 * Weft flavour's value divided by the baseline's, heads them {@code Weft ... vs JDK} instead and says in
 * its footnote how each row is read.
 */
public final class ComparisonTable {

    private final List<Contestant> columns;
    private final String cellHeading;
    private final String ratioName;
    private final String footnote;
    private final List<Row> rows = new ArrayList<>();

    /**
     * @param columns     the contestants, in column order
     * @param cellHeading appended to each contestant's label in the heading, saying what a cell holds
     *                    (for example {@code ": median (p10-p90)"}); may be empty
     * @param ratioName   the word that heads the ratio columns, for example {@code speed-up}
     * @param footnote    a sentence printed under the table that says how to read the ratios
     */
    public ComparisonTable(List<? extends Contestant> columns, String cellHeading, String ratioName, String footnote) {
        this.columns = List.copyOf(columns);
        this.cellHeading = cellHeading;
        this.ratioName = ratioName;
        this.footnote = footnote;
    }

    /**
     * Adds the row of {@code measurement}, in {@code unit} (smaller is better); {@code cells} has an entry
     * for every column.
     */
    public void add(String measurement, String unit, Map<? extends Contestant, ? extends Summary> cells) {
        add(measurement, unit, Better.SMALLER, cells);
    }

    /**
     * Adds the row of {@code measurement}, in {@code unit}, whose {@code better} values are the better
     * ones; {@code cells} has an entry for every column.
     */
    public void add(String measurement, String unit, Better better,
                    Map<? extends Contestant, ? extends Summary> cells) {
        for (Contestant column : columns) {
            if (!cells.containsKey(column)) {
                throw new IllegalArgumentException(measurement + " has no value for " + column.label());
            }
        }
        rows.add(new Row(measurement, unit, better, Map.copyOf(cells)));
    }

    /** True when no row was added. */
    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The table, then the footnote. */
    public String toMarkdown() {
        StringBuilder table = new StringBuilder("| workload | unit |");
        StringBuilder rule = new StringBuilder("|---|---|");
        for (Contestant column : columns) {
            table.append(' ').append(column.label()).append(cellHeading).append(" |");
            rule.append("---|");
        }
        boolean mixed = rows.stream().anyMatch(row -> row.better() == Better.LARGER);
        for (Contestant baseline : baselines()) {
            for (Contestant weft : wefts()) {
                table.append(' ').append(ratioName).append(' ').append(weft.label()).append(mixed
                        ? " vs " + baseline.shortLabel() + " |"
                        : " (" + baseline.shortLabel() + " / Weft) |");
                rule.append("---|");
            }
        }
        table.append('\n').append(rule).append('\n');
        for (Row row : rows) {
            table.append("| ").append(row.measurement()).append(" | ").append(row.unit()).append(" |");
            for (Contestant column : columns) {
                table.append(' ').append(row.cells().get(column).format(ComparisonTable::number)).append(" |");
            }
            for (Contestant baseline : baselines()) {
                for (Contestant weft : wefts()) {
                    double ratio = row.better().advantage(row.cells().get(weft).central(),
                            row.cells().get(baseline).central());
                    table.append(Double.isNaN(ratio) ? " n/a |" : String.format(Locale.ROOT, " **%.2fx** |", ratio));
                }
            }
            table.append('\n');
        }
        return table.append('\n').append(footnote).append('\n').toString();
    }

    private List<Contestant> wefts() {
        return columns.stream().filter(Contestant::isWeft).toList();
    }

    private List<Contestant> baselines() {
        return columns.stream().filter(column -> !column.isWeft()).toList();
    }

    /** Three significant digits or so: 0.123, 1.23, 12.3, 123. */
    private static String number(double value) {
        String pattern = value >= 100 ? "%.0f" : value >= 10 ? "%.1f" : value >= 1 ? "%.2f" : "%.3f";
        return String.format(Locale.ROOT, pattern, value);
    }

    /** Which values of a measurement are the better ones. */
    public enum Better {

        /** Time, heap, latency: the ratio is baseline / Weft. */
        SMALLER,

        /** Throughput: the ratio is Weft / baseline. */
        LARGER;

        /** How many times better {@code weft} is than {@code baseline}: above 1 when Weft does better. */
        double advantage(double weft, double baseline) {
            return this == SMALLER ? baseline / weft : weft / baseline;
        }
    }

    private record Row(String measurement, String unit, Better better, Map<Contestant, Summary> cells) {
    }
}
