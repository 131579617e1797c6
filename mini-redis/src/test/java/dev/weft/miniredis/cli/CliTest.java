package dev.weft.miniredis.cli;

import dev.weft.miniredis.client.AgainstEachServer;
import dev.weft.miniredis.client.BlockingClient;
import dev.weft.miniredis.client.BlockingSubscriber;
import dev.weft.miniredis.client.LoopbackPorts;
import dev.weft.miniredis.client.Message;
import dev.weft.miniredis.client.RawConnection;
import dev.weft.miniredis.client.TestServer;
import dev.weft.miniredis.frame.Frame;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code mini-redis-cli} run in-process ({@link CliMain#commandLine()}), its output and exit codes checked,
 * against each {@link dev.weft.miniredis.client.ServerTarget}.
 */
class CliTest extends AgainstEachServer {

    /** What one run printed, and its exit code. */
    record Run(int exitCode, String out, String err) {
    }

    /** A run whose output can be read while it goes on. */
    private record Running(CompletableFuture<Integer> exitCode, StringWriter out, StringWriter err) {
    }

    private static Running start(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var commandLine = CliMain.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return new Running(CompletableFuture.supplyAsync(() -> commandLine.execute(args)), out, err);
    }

    private static Run run(String... args) {
        Running running = start(args);
        return new Run(running.exitCode().join(), running.out().toString(), running.err().toString());
    }

    private static String port() {
        return Integer.toString(server.port());
    }

    private static long ttlMillis(String key) {
        return ((Frame.Integer) RawConnection.command(server.address(), "PTTL", key)).value();
    }

    @Test
    void ping_printsTheQuotedAnswer() {
        assertThat(run("--port", port(), "ping")).isEqualTo(new Run(0, "\"PONG\"\n", ""));
        assertThat(run("--port", port(), "ping", "hello there")).isEqualTo(new Run(0, "\"hello there\"\n", ""));
    }

    @Test
    void set_printsOk_andGet_printsTheQuotedValue_orNil() {
        assertThat(run("--port", port(), "set", "cli:greeting", "hello world")).isEqualTo(new Run(0, "OK\n", ""));
        assertThat(run("--port", port(), "get", "cli:greeting")).isEqualTo(new Run(0, "\"hello world\"\n", ""));
        assertThat(run("--port", port(), "get", "cli:missing")).isEqualTo(new Run(0, "(nil)\n", ""));

        assertThat(run("--port", port(), "set", "cli:lines", "one\ntwo")).isEqualTo(new Run(0, "OK\n", ""));
        assertThat(run("--port", port(), "get", "cli:lines").out()).isEqualTo("\"one\\ntwo\"\n");
    }

    @Test
    void hostAndPort_mayFollowTheCommand() {
        assertThat(run("set", "cli:after", "value", "--host", "127.0.0.1", "--port", port()).exitCode()).isZero();
        assertThat(run("get", "cli:after", "--port", port()).out()).isEqualTo("\"value\"\n");
    }

    @Test
    void setWithExpires_takesMillisecondsUnitsOrIso8601() {
        assertThat(run("--port", port(), "set", "cli:ms", "v", "--expires", "90000").out()).isEqualTo("OK\n");
        assertThat(run("--port", port(), "set", "cli:unit", "v", "--expires", "2h").out()).isEqualTo("OK\n");
        assertThat(run("--port", port(), "set", "cli:iso", "v", "--expires", "PT10S").out()).isEqualTo("OK\n");

        assertThat(ttlMillis("cli:ms")).isBetween(1L, 90_000L);
        assertThat(ttlMillis("cli:unit")).isBetween(Duration.ofMinutes(110).toMillis(), Duration.ofHours(2).toMillis());
        assertThat(ttlMillis("cli:iso")).isBetween(1L, 10_000L);
    }

    @Test
    void anInvalidExpiry_isAUsageError() {
        Run zero = run("--port", port(), "set", "cli:k", "v", "--expires", "0");
        Run words = run("--port", port(), "set", "cli:k", "v", "--expires", "soon");

        assertThat(zero.exitCode()).isEqualTo(2);
        assertThat(zero.err()).startsWith("Invalid value for option '--expires': the expiry must be positive: 0");
        assertThat(words.exitCode()).isEqualTo(2);
        assertThat(words.err()).startsWith("Invalid value for option '--expires': 'soon' is not a duration");
        assertThat(RawConnection.command(server.address(), "EXISTS", "cli:k")).isEqualTo(Frame.integer(0));
    }

    @Test
    void publish_printsHowManySubscribersGotIt() {
        assertThat(run("--port", port(), "publish", "cli:nobody", "hello")).isEqualTo(new Run(0, "Publish OK: 0 subscribers\n", ""));

        try (BlockingSubscriber listener = BlockingClient.connect(server.address()).subscribe("cli:listened")) {
            assertThat(run("--port", port(), "publish", "cli:listened", "hi")).isEqualTo(new Run(0, "Publish OK: 1 subscriber\n", ""));
            assertThat(listener.nextMessage().map(Message::contentUtf8)).contains("hi");
        }
    }

    @Test
    void anErrorReply_exitsWith1_andPrintsItOnStandardError() {
        Run run = run("--port", port(), "set", "cli:k", "v", "--expires", "9223372036854775807");

        assertThat(run).isEqualTo(new Run(1, "", "mini-redis-cli: ERR invalid expire time in 'set' command\n"));
    }

    @Test
    void aRefusedConnection_exitsWith1_andSaysSo() {
        int nobody = LoopbackPorts.unused();

        Run run = run("--port", Integer.toString(nobody), "ping");

        assertThat(run).isEqualTo(new Run(1, "",
                "mini-redis-cli: could not connect to 127.0.0.1:" + nobody + ": Connection refused\n"));
    }

    @Test
    void withoutACommand_orWithABadPort_itIsAUsageError() {
        Run none = run("--port", port());
        Run badPort = run("--port", "70000", "ping");

        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).startsWith("Missing required command (ping, get, set, publish, subscribe)");
        assertThat(badPort.exitCode()).isEqualTo(2);
        assertThat(badPort.err()).startsWith("--port must be within 1..65535: 70000");
    }

    @Test
    void subscribe_printsEachMessage_untilTheServerGoesAway() throws Exception {
        try (TestServer own = target.start()) {
            Running subscribed = start("--port", Integer.toString(own.port()), "subscribe", "cli:a", "cli:b");
            while (RawConnection.command(own.address(), "PUBLISH", "cli:a", "hello").equals(Frame.integer(0))) {
                assertThat(subscribed.exitCode()).as("the CLI is still running").isNotDone();
                Thread.sleep(10);   // until the CLI has subscribed; bounded by the test's timeout
            }
            assertThat(RawConnection.command(own.address(), "PUBLISH", "cli:b", "x\u0001y")).isEqualTo(Frame.integer(1));
            String expected = "got message from the channel: cli:a; message = \"hello\"\n"
                    + "got message from the channel: cli:b; message = \"x\\x01y\"\n";
            while (!subscribed.out().toString().equals(expected)) {
                assertThat(expected).startsWith(subscribed.out().toString());
                Thread.sleep(10);   // until both lines are printed; bounded by the test's timeout
            }

            own.close();

            assertThat(subscribed.exitCode().get(30, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(subscribed.out().toString()).isEqualTo(expected);
            assertThat(subscribed.err().toString()).isEqualTo("Subscribed to cli:a, cli:b; press Ctrl-C to stop.\n"
                    + "mini-redis-cli: the server closed the connection\n");
        }
    }
}
