package dev.weft.test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a test can ask about how this process treats a signal before it relies on one: a JVM started with
 * {@code SIGINT} ignored (a shell starts its background jobs so, and child processes inherit it) cannot
 * handle it, so a test that sends itself or a child {@code SIGINT} must be skipped there.
 *
 * {@snippet :
 * assumeFalse(SignalDispositions.isIgnored("INT"), "this JVM was started with SIGINT ignored");
 * }
 *
 * <h2>Cancellation</h2>
 * Nothing here waits.
 */
public final class SignalDispositions {

    private static final Map<String, Integer> NUMBERS = Map.of("HUP", 1, "INT", 2, "QUIT", 3, "TERM", 15);

    private SignalDispositions() {
    }

    /**
     * True when this process ignores the signal named {@code name} ({@code "INT"}, {@code "TERM"},
     * {@code "HUP"} or {@code "QUIT"}), read from the {@code SigIgn} mask of {@code /proc/self/status};
     * false where that file cannot be read (not Linux).
     *
     * @throws IllegalArgumentException for another name
     */
    public static boolean isIgnored(String name) {
        Integer number = NUMBERS.get(name);
        if (number == null) {
            throw new IllegalArgumentException("not one of " + NUMBERS.keySet() + ": " + name);
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("SigIgn:")) {
                    long mask = Long.parseUnsignedLong(line.substring("SigIgn:".length()).trim(), 16);
                    return (mask & (1L << (number - 1))) != 0;
                }
            }
        } catch (IOException | NumberFormatException unreadable) {
            return false;
        }
        return false;
    }
}
