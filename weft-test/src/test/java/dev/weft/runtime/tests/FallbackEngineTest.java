package dev.weft.runtime.tests;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Weft without {@code --add-opens java.base/java.lang}: tasks fall back to the JDK's default scheduler with
 * one warning, and the current-thread flavour refuses to build. Each case runs {@link FallbackEngineProbe}
 * in a child JVM started with the same {@code java} and class path as this test.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class FallbackEngineTest {

    private static final String OPEN_OPTION = "--add-opens java.base/java.lang=ALL-UNNAMED";

    @TempDir
    Path output;

    @Test
    void withoutAddOpens_multiThreadRunsOnTheJdkScheduler_withOneWarning_andCurrentThreadIsRefused()
            throws Exception {
        ProbeResult result = runProbe(List.of());

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).hasSize(3);
        assertThat(result.stdout().subList(0, 2)).containsOnly("multi-thread: ownsScheduling=false sum=42 tcp=42");
        assertThat(result.stdout().get(2)).startsWith("current-thread: refused: ").contains(OPEN_OPTION);
        assertThat(result.stderr()).filteredOn(line -> line.contains("--add-opens")).hasSize(1);
    }

    @Test
    void withAddOpens_everyFlavourRunsOnWeftsScheduler_withoutWarning() throws Exception {
        ProbeResult result = runProbe(List.of(OPEN_OPTION.split(" ")));

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).containsExactly(
                "multi-thread: ownsScheduling=true sum=42 tcp=42",
                "multi-thread: ownsScheduling=true sum=42 tcp=42",
                "current-thread: built, ownsScheduling=true");
        assertThat(result.stderr()).noneMatch(line -> line.contains("--add-opens"));
    }

    private record ProbeResult(int exitCode, List<String> stdout, List<String> stderr) {
    }

    private ProbeResult runProbe(List<String> jvmOptions) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElseThrow());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), FallbackEngineProbe.class.getName()));
        Path stdout = output.resolve("stdout.txt");
        Path stderr = output.resolve("stderr.txt");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().remove("JDK_JAVA_OPTIONS");
        Process process = builder.start();
        if (!process.waitFor(45, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the probe JVM did not exit; stderr: " + Files.readString(stderr));
        }
        return new ProbeResult(process.exitValue(), Files.readAllLines(stdout), Files.readAllLines(stderr));
    }
}
