package dev.weft.bench;

import dev.weft.bench.peer.PeerKind;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The harness's result: one row per workload, one column per peer (median and p10-p90), and the speed-up
 * of each Weft flavour over the JDK's virtual threads, rendered as a markdown table.
 *
 * <p>Speed-up is the JDK's median divided by the Weft flavour's median, so above 1 means Weft is faster
 * (or, for heap per task, smaller).
 */
final class ComparisonTable {

    private final List<Row> rows = new ArrayList<>();

    /**
     * Adds the row of {@code workload}, whose samples are in {@code unit} (smaller is better);
     * {@code stats} has an entry for every peer.
     */
    void add(String workload, String unit, Map<PeerKind, Stats> stats) {
        rows.add(new Row(workload, unit, Map.copyOf(stats)));
    }

    String toMarkdown() {
        StringBuilder table = new StringBuilder("| workload | unit |");
        StringBuilder rule = new StringBuilder("|---|---|");
        for (PeerKind peer : PeerKind.values()) {
            table.append(' ').append(peer.label()).append(": median (p10-p90) |");
            rule.append("---|");
        }
        for (PeerKind weft : weftPeers()) {
            table.append(" speed-up ").append(weft.label()).append(" (JDK / Weft) |");
            rule.append("---|");
        }
        table.append('\n').append(rule).append('\n');
        for (Row row : rows) {
            table.append("| ").append(row.workload()).append(" | ").append(row.unit()).append(" |");
            for (PeerKind peer : PeerKind.values()) {
                Stats stats = row.stats().get(peer);
                table.append(' ').append(number(stats.median())).append(" (").append(number(stats.p10()))
                        .append('-').append(number(stats.p90())).append(") |");
            }
            for (PeerKind weft : weftPeers()) {
                table.append(' ').append(speedUp(row, weft)).append(" |");
            }
            table.append('\n');
        }
        return table.append("\nSpeed-up is the JDK's median divided by Weft's: above 1, Weft is faster (for")
                .append(" idle_task_heap, it holds less heap per idle task).\n").toString();
    }

    private static String speedUp(Row row, PeerKind weft) {
        double jdk = row.stats().get(PeerKind.JDK_VIRTUAL_THREADS).median();
        return String.format(Locale.ROOT, "**%.2fx**", jdk / row.stats().get(weft).median());
    }

    private static List<PeerKind> weftPeers() {
        return Arrays.stream(PeerKind.values()).filter(PeerKind::isWeft).toList();
    }

    /** Three significant digits or so: 0.123, 1.23, 12.3, 123. */
    private static String number(double value) {
        String pattern = value >= 100 ? "%.0f" : value >= 10 ? "%.1f" : value >= 1 ? "%.2f" : "%.3f";
        return String.format(Locale.ROOT, pattern, value);
    }

    private record Row(String workload, String unit, Map<PeerKind, Stats> stats) {
    }
}
