package dev.weft.miniredis.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Requests sent several at a time, whole or cut anywhere: every reply comes back, in order, exactly once. */
@Timeout(60)
class PipeliningTest {

    private static final int COMMANDS = 200;

    /** SET k{i} v{i}, GET k{i}, INCR n, PING, for each i. */
    private static String requests() {
        StringBuilder requests = new StringBuilder();
        for (int i = 0; i < COMMANDS; i++) {
            requests.append(RawClient.command("SET", "k" + i, "v" + i))
                    .append(RawClient.command("GET", "k" + i))
                    .append(RawClient.command("INCR", "n"))
                    .append("PING\r\n");
        }
        return requests.toString();
    }

    private static String replies() {
        StringBuilder replies = new StringBuilder();
        for (int i = 0; i < COMMANDS; i++) {
            String value = "v" + i;
            String count = Integer.toString(i + 1);
            replies.append("+OK\r\n")
                    .append('$').append(value.length()).append("\r\n").append(value).append("\r\n")
                    .append(':').append(count).append("\r\n")
                    .append("+PONG\r\n");
        }
        return replies.toString();
    }

    @Test
    void batchSentInOneWrite_isAnsweredInOrder() {
        try (MiniRedisServer server = TestServers.start(); RawClient client = new RawClient(server.port())) {
            client.send(requests());
            String expected = replies();
            assertThat(client.read(expected)).isEqualTo(expected);
            assertThat(client.call("PING")).isEqualTo("+PONG\r\n");
        }
    }

    @Test
    void batchCutAtRandomPoints_isAnsweredTheSame() {
        long seed = 0x5eed_0001L;
        SplittableRandom random = new SplittableRandom(seed);
        byte[] bytes = requests().getBytes(StandardCharsets.ISO_8859_1);
        try (MiniRedisServer server = TestServers.start(); RawClient client = new RawClient(server.port())) {
            int at = 0;
            while (at < bytes.length) {
                int length = Math.min(bytes.length - at, 1 + random.nextInt(40));
                client.sendBytes(Arrays.copyOfRange(bytes, at, at + length));
                at += length;
            }
            String expected = replies();
            assertThat(client.read(expected)).as("seed %d", seed).isEqualTo(expected);
        }
    }

    @Test
    void requestSentOneByteAtATime_isAnswered() {
        byte[] bytes = (RawClient.command("SET", "key", "a value") + RawClient.command("GET", "key"))
                .getBytes(StandardCharsets.ISO_8859_1);
        try (MiniRedisServer server = TestServers.start(); RawClient client = new RawClient(server.port())) {
            for (byte b : bytes) {
                client.sendBytes(new byte[] {b});
            }
            assertThat(client.read("+OK\r\n$7\r\na value\r\n")).isEqualTo("+OK\r\n$7\r\na value\r\n");
        }
    }

    @Test
    void repliesLargerThanTheFlushThreshold_arriveWholeAndInOrder() {
        String big = "x".repeat(3 * Connection.FLUSH_THRESHOLD / 2);
        try (MiniRedisServer server = TestServers.start(); RawClient client = new RawClient(server.port())) {
            assertThat(client.call("SET", "big", big)).isEqualTo("+OK\r\n");
            StringBuilder requests = new StringBuilder();
            StringBuilder expected = new StringBuilder();
            for (int i = 0; i < 8; i++) {
                requests.append(RawClient.command("GET", "big")).append(RawClient.command("ECHO", "after " + i));
                expected.append('$').append(big.length()).append("\r\n").append(big).append("\r\n")
                        .append("$7\r\nafter ").append(i).append("\r\n");
            }
            client.send(requests.toString());
            assertThat(client.read(expected.toString())).isEqualTo(expected.toString());
        }
    }

    @Test
    void largeRequest_growsTheReadBufferAndIsAnswered() {
        String big = "y".repeat(1024 * 1024 + 17);
        try (MiniRedisServer server = TestServers.start(); RawClient client = new RawClient(server.port())) {
            assertThat(client.call("SET", "big", big)).isEqualTo("+OK\r\n");
            assertThat(client.call("GET", "big")).isEqualTo("$" + big.length() + "\r\n" + big + "\r\n");
            assertThat(client.call("PING")).isEqualTo("+PONG\r\n");
        }
    }
}
