package dev.weft.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The command line of a comparison harness ({@link SchedulerComparison}, the time and echo comparisons):
 * {@code [--rounds N] [--warmup-ms N] [--only WORKLOAD,...] [--help]}, plus the whole-number settings a
 * harness adds of its own (for example {@code --measure-ms N}).
 *
 * @param rounds       samples per workload and peer
 * @param warmupMillis the least time each peer warms up on each timed workload
 * @param only         the workloads to run; empty for all of them
 * @param settings     the value of each of the harness's own settings, by option name ({@code --measure-ms})
 */
public record HarnessOptions(int rounds, long warmupMillis, Set<String> only, Map<String, Integer> settings) {

    /**
     * The value of the harness's own setting {@code option}, given or default.
     *
     * @throws IllegalArgumentException if the harness has no such setting
     */
    public int setting(String option) {
        Integer value = settings.get(option);
        if (value == null) {
            throw new IllegalArgumentException("no such setting: " + option);
        }
        return value;
    }

    /** True when the workload called {@code name} should run. */
    public boolean selects(String name) {
        return only.isEmpty() || only.contains(name);
    }

    /**
     * A whole-number option that one harness adds to the common ones.
     *
     * @param option       its name on the command line, for example {@code --measure-ms}
     * @param meaning      what it sets, for {@code --help}
     * @param defaultValue its value when it is not given
     * @param minimum      the least value it accepts
     */
    public record Setting(String option, String meaning, int defaultValue, int minimum) {
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
     * @param settings            the harness's own options, in the order {@code --help} lists them
     */
    public record Syntax(String command, String summary, String roundsMeaning, int defaultRounds,
                         String warmupMeaning, long defaultWarmupMillis, List<String> workloadNames,
                         List<Setting> settings) {

        /** A harness with only the common options. */
        public Syntax(String command, String summary, String roundsMeaning, int defaultRounds,
                      String warmupMeaning, long defaultWarmupMillis, List<String> workloadNames) {
            this(command, summary, roundsMeaning, defaultRounds, warmupMeaning, defaultWarmupMillis, workloadNames,
                    List.of());
        }

        /** The text {@code --help} prints. */
        public String usage() {
            int width = settings.stream().mapToInt(setting -> setting.option().length() + 2).max().orElse(0);
            String row = "  %-" + Math.max(16, width) + "s %s%n";
            StringBuilder synopsis = new StringBuilder("[--rounds N] [--warmup-ms N]");
            StringBuilder options = new StringBuilder()
                    .append(String.format(Locale.ROOT, row, "--rounds N",
                            roundsMeaning + " (default " + defaultRounds + ")"))
                    .append(String.format(Locale.ROOT, row, "--warmup-ms N",
                            warmupMeaning + ", in ms (default " + defaultWarmupMillis + ")"));
            for (Setting setting : settings) {
                synopsis.append(" [").append(setting.option()).append(" N]");
                options.append(String.format(Locale.ROOT, row, setting.option() + " N",
                        setting.meaning() + " (default " + setting.defaultValue() + ")"));
            }
            options.append(String.format(Locale.ROOT, row, "--only LIST",
                            "run only these workloads, comma-separated: " + String.join(", ", workloadNames)))
                    .append(String.format(Locale.ROOT, row, "--help", "print this and exit"));
            return """
                    Usage: %s %s [--only WORKLOAD[,WORKLOAD...]] [--help]

                    %s

                    %s""".formatted(command, synopsis, summary, options);
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
            Map<String, Integer> values = new LinkedHashMap<>();
            for (Setting setting : settings) {
                values.put(setting.option(), setting.defaultValue());
            }
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
                    default -> {
                        Setting setting = settingNamed(option);
                        values.put(option, atLeast(setting.minimum(), option, valueOf(option, rest)));
                    }
                }
            }
            return help ? null : new HarnessOptions(rounds, warmupMillis, Set.copyOf(only), Map.copyOf(values));
        }

        private Setting settingNamed(String option) {
            return settings.stream().filter(setting -> setting.option().equals(option)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown option: " + option));
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
