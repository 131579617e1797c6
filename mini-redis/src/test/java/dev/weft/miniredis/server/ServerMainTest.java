package dev.weft.miniredis.server;

import dev.weft.test.SignalDispositions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The {@code mini-redis-server} program: its command line, and a graceful exit with status 0 on SIGTERM
 * and SIGINT, run as a separate JVM as {@code bin/mini-redis-server} runs it.
 */
@Timeout(90)
class ServerMainTest {

    private static final Pattern LISTENING = Pattern.compile("mini-redis listening on 127\\.0\\.0\\.1:(\\d+) .*");

    private record Outcome(int status, String out, String err) {
    }

    private static Outcome runInProcess(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = ServerMain.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Outcome(status, out.toString(), err.toString());
    }

    @Test
    void help_listsTheOptions() {
        Outcome help = runInProcess("--help");
        assertThat(help.status()).isZero();
        assertThat(help.out()).contains("--port=PORT", "--bind=ADDRESS", "--max-connections=N", "--shutdown-timeout=DURATION",
                "--workers=N", "(default: 6379)", "(default: 127.0.0.1)", "(default: 10000)");
    }

    @Test
    void badOptions_exitWithStatus2() {
        assertThat(runInProcess("--port", "70000").status()).isEqualTo(2);
        assertThat(runInProcess("--port", "x").status()).isEqualTo(2);
        assertThat(runInProcess("--max-connections", "0").status()).isEqualTo(2);
        assertThat(runInProcess("--workers", "-1").status()).isEqualTo(2);
        Outcome badDuration = runInProcess("--shutdown-timeout", "soon");
        assertThat(badDuration.status()).isEqualTo(2);
        assertThat(badDuration.err()).contains("not a duration (use 500ms, 10s, 2m): soon");
    }

    @Test
    void portInUse_exitsWithStatus1AndSaysWhy() {
        try (MiniRedisServer taken = TestServers.start()) {
            Outcome outcome = runInProcess("--port", Integer.toString(taken.port()));
            assertThat(outcome.status()).isEqualTo(1);
            assertThat(outcome.err()).startsWith("mini-redis-server: cannot listen on 127.0.0.1:" + taken.port() + ": ");
        }
    }

    @Test
    void sigterm_shutsDownGracefully_andExitsWithStatus0() throws IOException, InterruptedException {
        Process server = startServerProcess();
        try {
            BufferedReader output = outputOf(server);
            int port = awaitListening(output);
            try (RawClient idle = new RawClient(port); RawClient subscriber = new RawClient(port)) {
                assertThat(idle.call("SET", "k", "v")).isEqualTo("+OK\r\n");
                assertThat(subscriber.call("SUBSCRIBE", "news")).isEqualTo("*3\r\n$9\r\nsubscribe\r\n$4\r\nnews\r\n:1\r\n");
                assertThat(server.toHandle().destroy()).as("SIGTERM sent").isTrue();
                assertThat(idle.readUntilClosed()).isEmpty();
                assertThat(subscriber.readUntilClosed()).isEmpty();
            }
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(server.exitValue()).isZero();
            assertThat(remainingOutput(output)).contains("received SIGTERM, shutting down", "bye");
        } finally {
            server.destroyForcibly();
        }
    }

    @Test
    void sigint_shutsDownGracefully_andExitsWithStatus0() throws IOException, InterruptedException {
        assumeFalse(SignalDispositions.isIgnored("INT"), "this JVM was started with SIGINT ignored (a background job of a shell), "
                + "and a child process inherits that");
        Process server = startServerProcess();
        try {
            BufferedReader output = outputOf(server);
            int port = awaitListening(output);
            try (RawClient client = new RawClient(port)) {
                assertThat(client.call("PING")).isEqualTo("+PONG\r\n");
                Process kill = new ProcessBuilder("kill", "-INT", Long.toString(server.pid())).start();
                assertThat(kill.waitFor(30, TimeUnit.SECONDS)).isTrue();
                assertThat(client.readUntilClosed()).isEmpty();
            }
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(server.exitValue()).isZero();
            assertThat(remainingOutput(output)).contains("received SIGINT, shutting down", "bye");
        } finally {
            server.destroyForcibly();
        }
    }

    /** {@code ServerMain --port 0} in a JVM of its own, with this test's java and class path. */
    private static Process startServerProcess() throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--add-opens");
        command.add("java.base/java.lang=ALL-UNNAMED");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(ServerMain.class.getName());
        command.addAll(List.of("--port", "0", "--shutdown-timeout", "5s"));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static BufferedReader outputOf(Process server) {
        return new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
    }

    private static int awaitListening(BufferedReader output) throws IOException {
        String line = output.readLine();
        Matcher listening = LISTENING.matcher(String.valueOf(line));
        assertThat(listening.matches()).as("first line of the server's output: %s", line).isTrue();
        return Integer.parseInt(listening.group(1));
    }

    private static String remainingOutput(BufferedReader output) {
        try {
            StringWriter rest = new StringWriter();
            output.transferTo(rest);
            return rest.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
