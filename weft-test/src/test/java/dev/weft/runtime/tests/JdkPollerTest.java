package dev.weft.runtime.tests;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JDK's virtual-thread I/O pollers stay on the JDK's scheduler: a blocking socket read in a task still
 * works after an earlier runtime, in whose task the JDK first set up its pollers, was closed. Runs
 * {@link JdkPollerProbe} in a child JVM, since the JDK sets up its pollers once per JVM.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class JdkPollerTest {

    @Test
    void blockingSocketReadInATask_worksAfterTheRuntimeThatFirstUsedTheJdkPollerWasClosed()
            throws IOException, InterruptedException {
        Process child = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(),
                "--add-opens", "java.base/java.lang=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), JdkPollerProbe.class.getName())
                .redirectErrorStream(true)
                .start();
        List<String> output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        int exitCode = child.waitFor();

        assertThat(output).containsExactly("first read=42", "second read=42");
        assertThat(exitCode).isZero();
    }
}
