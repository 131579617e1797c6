package dev.weft.miniredis.server;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The real {@code redis-cli} (Debian's {@code redis-tools}, which {@code .ci/run} installs) against the server. */
@Timeout(60)
class RedisCliTest {

    private static final long PROCESS_TIMEOUT_SECONDS = 20;

    @BeforeAll
    static void redisCliIsInstalled() {
        assumeTrue(onPath("redis-cli"), "redis-cli is not installed (Debian: apt-get install redis-tools; .ci/run installs it)");
    }

    static boolean onPath(String program) {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (new File(directory, program).canExecute()) {
                return true;
            }
        }
        return false;
    }

    /** Runs {@code redis-cli -p port args...} with {@code input} on its standard input; returns its output. */
    private static String redisCli(int port, String input, String... args) {
        List<String> command = new ArrayList<>(List.of("redis-cli", "-p", Integer.toString(port)));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(PROCESS_TIMEOUT_SECONDS, TimeUnit.SECONDS)).as("redis-cli finished").isTrue();
            assertThat(process.exitValue()).as("redis-cli's exit status; output: %s", output).isZero();
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    void commandsGivenAsArguments_printRedisAnswers() {
        try (MiniRedisServer server = TestServers.start()) {
            int port = server.port();
            assertThat(redisCli(port, "", "set", "hello", "world")).isEqualTo("OK\n");
            assertThat(redisCli(port, "", "get", "hello")).isEqualTo("world\n");
            assertThat(redisCli(port, "", "ping")).isEqualTo("PONG\n");
            assertThat(redisCli(port, "", "incrby", "counter", "5")).isEqualTo("5\n");
            assertThat(redisCli(port, "", "mget", "hello", "nope", "counter")).isEqualTo("world\n\n5\n");
            assertThat(redisCli(port, "", "--no-raw", "mget", "hello", "nope")).isEqualTo("1) \"world\"\n2) (nil)\n");
            assertThat(redisCli(port, "", "set", "k", "v", "EX", "18446744073709551615"))
                    .startsWith("ERR value is not an integer or out of range\n");
            assertThat(redisCli(port, "", "del", "hello", "counter")).isEqualTo("2\n");
            assertThat(redisCli(port, "", "info", "server")).contains("redis_version:7.0.0");
        }
    }

    @Test
    void commandsReadFromStandardInput_areAnsweredInOrder() {
        try (MiniRedisServer server = TestServers.start()) {
            assertThat(redisCli(server.port(), "set a 1\nincr a\nget a\nexists a nope\n")).isEqualTo("OK\n2\n2\n1\n");
        }
    }

    @Test
    void subscribeMode_receivesPublishedMessages() throws IOException, InterruptedException {
        try (MiniRedisServer server = TestServers.start()) {
            int port = server.port();
            Process subscriber = new ProcessBuilder("redis-cli", "-p", Integer.toString(port), "subscribe", "news")
                    .redirectErrorStream(true).start();
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(subscriber.getInputStream(), StandardCharsets.UTF_8))) {
                assertThat(List.of(lines.readLine(), lines.readLine(), lines.readLine())).containsExactly("subscribe", "news", "1");
                assertThat(redisCli(port, "", "publish", "news", "hello from redis-cli")).isEqualTo("1\n");
                assertThat(List.of(lines.readLine(), lines.readLine(), lines.readLine()))
                        .containsExactly("message", "news", "hello from redis-cli");
            } finally {
                subscriber.destroy();
                subscriber.waitFor(PROCESS_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }
        }
    }
}
