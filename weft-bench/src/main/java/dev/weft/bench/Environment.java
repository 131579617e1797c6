package dev.weft.bench;

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

    /** The command line that started this JVM, as the operating system reports it. */
    public static String command() {
        return ProcessHandle.current().info().commandLine().orElse("(unavailable)");
    }
}
