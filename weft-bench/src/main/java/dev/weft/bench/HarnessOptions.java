package dev.weft.bench;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The command line of {@link SchedulerComparison}.
 *
 * @param rounds       samples per workload and peer
 * @param warmupMillis the least time each peer warms up on each timed workload
 * @param only         the workloads to run; empty for all of them
 * @param help         true when {@code --help} was given
 */
record HarnessOptions(int rounds, long warmupMillis, Set<String> only, boolean help) {

    static final int DEFAULT_ROUNDS = 25;
    static final long DEFAULT_WARMUP_MILLIS = 1_500;

    /** The text {@code --help} prints. */
    static String usage(List<String> workloadNames) {
        return """
                Usage: bin/bench [--rounds N] [--warmup-ms N] [--only WORKLOAD[,WORKLOAD...]] [--help]

                Runs Tokio's scheduler workloads on Weft (current-thread and multi-thread flavours) and on the
                JDK's virtual threads in one JVM, and prints a markdown table of medians, p10-p90 and speed-ups
                (JDK median / Weft median; above 1 means Weft is faster).

                  --rounds N       samples per workload and peer (default %d)
                  --warmup-ms N    least warm-up time per peer and timed workload, in ms (default %d)
                  --only LIST      run only these workloads, comma-separated: %s
                  --help           print this and exit
                """.formatted(DEFAULT_ROUNDS, DEFAULT_WARMUP_MILLIS, String.join(", ", workloadNames));
    }

    /**
     * Parses {@code args}; {@code workloadNames} are the names {@code --only} accepts.
     *
     * @throws IllegalArgumentException naming the offending argument
     */
    static HarnessOptions parse(String[] args, List<String> workloadNames) {
        int rounds = DEFAULT_ROUNDS;
        long warmupMillis = DEFAULT_WARMUP_MILLIS;
        Set<String> only = new LinkedHashSet<>();
        boolean help = false;
        List<String> rest = new ArrayList<>(List.of(args));
        while (!rest.isEmpty()) {
            String option = rest.removeFirst();
            switch (option) {
                case "--rounds" -> rounds = atLeast(1, option, valueOf(option, rest));
                case "--warmup-ms" -> warmupMillis = atLeast(0, option, valueOf(option, rest));
                case "--only" -> {
                    for (String name : valueOf(option, rest).split(",")) {
                        if (!workloadNames.contains(name)) {
                            throw new IllegalArgumentException("--only: unknown workload '" + name + "'; known: "
                                    + String.join(", ", workloadNames));
                        }
                        only.add(name);
                    }
                }
                case "--help", "-h" -> help = true;
                default -> throw new IllegalArgumentException("unknown option: " + option);
            }
        }
        return new HarnessOptions(rounds, warmupMillis, Set.copyOf(only), help);
    }

    /** True when the workload called {@code name} should run. */
    boolean selects(String name) {
        return only.isEmpty() || only.contains(name);
    }

    private static String valueOf(String option, List<String> rest) {
        if (rest.isEmpty()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return rest.removeFirst();
    }

    private static int atLeast(int minimum, String option, String value) {
        int number;
        try {
            number = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number: " + value);
        }
        if (number < minimum) {
            throw new IllegalArgumentException(option + " must be at least " + minimum + ": " + number);
        }
        return number;
    }
}
