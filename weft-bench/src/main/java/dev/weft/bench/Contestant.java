package dev.weft.bench;

/**
 * One of the systems a comparison puts side by side: a column of a {@link ComparisonTable}, and either
 * a Weft flavour or a baseline that the Weft flavours are measured against.
 */
public interface Contestant {

    /** The column's name in reports, for example {@code Weft multi-thread}. */
    String label();

    /** The short name a ratio's heading uses, for example {@code JDK} in {@code (JDK / Weft)}. */
    String shortLabel();

    /** True for Weft's flavours, false for the baselines. */
    boolean isWeft();

    /** A baseline with this label and short label. */
    static Contestant baseline(String label, String shortLabel) {
        return new Baseline(label, shortLabel);
    }

    /** A baseline that is not one of the peers, for example a timer executor. */
    record Baseline(String label, String shortLabel) implements Contestant {

        @Override
        public boolean isWeft() {
            return false;
        }
    }
}
