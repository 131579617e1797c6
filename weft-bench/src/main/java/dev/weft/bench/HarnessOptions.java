package dev.weft.bench;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The command line of a comparison harness ({@link SchedulerComparison}, the time comparison):
 * {@code [--rounds N] [--warmup-ms N] [--only WORKLOAD,...] [--help]}.
 *
 * @param rounds       samples per workload and peer
 * @param warmupMillis the least time each peer warms up on each timed workload
 * @param only         the workloads to run; empty for all of them
 */
public record HarnessOptions(int rounds, long warmupMillis, Set<String> only) {

    /** True when the workload called {@code name} should run. */
    public boolean selects(String name) {
        return only.isEmpty() || only.contains(name);
    }

    /**
     * What one harness accepts and how {@code --help} describes it.
     *
     * @param command             how the harness is started, for example {@code bin/bench}
     * @param summary             what it does, a paragraph
     * @param roundsMeaning       what {@code --rounds} counts in this harness
     * @param defaultRounds       the value of {@code --rounds} when it is not given
     * @param warmupMeaning       what {@code --warmup-ms} sets in this harness
     * @param defaultWarmupMillis the value of {@code --warmup-ms} when it is not given
     * @param workloadNames       the names {@code --only} accepts
     */
    public record Syntax(String command, String summary, String roundsMeaning, int defaultRounds,
                         String warmupMeaning, long defaultWarmupMillis, List<String> workloadNames) {

        /** The text {@code --help} prints. */
        public String usage() {
            return """
                    Usage: %s [--rounds N] [--warmup-ms N] [--only WORKLOAD[,WORKLOAD...]] [--help]

                    %s

                      --rounds N       %s (default %d)
                      --warmup-ms N    %s, in ms (default %d)
                      --only LIST      run only these workloads, comma-separated: %s
                      --help           print this and exit
                    """.formatted(command, summary, roundsMeaning, defaultRounds, warmupMeaning, defaultWarmupMillis,
                    String.join(", ", workloadNames));
        }

        /**
         * Parses {@code args}. On {@code --help} prints the usage and exits; on a bad argument prints what
         * is wrong and the usage to standard error and exits with status 2.
         */
        public HarnessOptions parseOrExit(String[] args) {
            try {
                HarnessOptions options = parse(args);
                if (options != null) {
                    return options;
                }
                System.out.print(usage());
                System.exit(0);
            } catch (IllegalArgumentException e) {
                System.err.println("bench: " + e.getMessage());
                System.err.print(usage());
                System.exit(2);
            }
            throw new AssertionError("System.exit returned");
        }

        /** The options {@code args} give, or null when they ask for help. */
        private HarnessOptions parse(String[] args) {
            int rounds = defaultRounds;
            long warmupMillis = defaultWarmupMillis;
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
            return help ? null : new HarnessOptions(rounds, warmupMillis, Set.copyOf(only));
        }
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
