package dev.weft.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** What a harness's report says about where it ran. */
public final class Environment {

    private Environment() {
    }

    /** The JVM's name, version and vendor. */
    public static String jvm() {
        return System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " ("
                + System.getProperty("java.vm.vendor") + ")";
    }

    /** The processors the JVM sees. */
    public static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * The system's load averages over 1, 5 and 15 minutes, from {@code /proc/loadavg}; where that file
     * does not exist, the 1-minute one the JVM reports.
     */
    public static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return String.join(" ", fields[0], fields[1], fields[2]);
        } catch (IOException | RuntimeException e) {
            return String.format(Locale.ROOT, "%.2f",
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    /** The command line that started this JVM, as the operating system reports it. */
    public static String command() {
        return ProcessHandle.current().info().commandLine().orElse("(unavailable)");
    }
}
