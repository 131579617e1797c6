package dev.weft.miniredis.server;

import dev.weft.net.TcpStream;
import dev.weft.test.AsyncTest;
import dev.weft.time.TestClock;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Key expiry through the server, with the server, its purge task and the client in one current-thread
 * runtime whose clock is paused: time moves only with {@code TestClock.advance}, so deadlines are checked
 * to the millisecond without sleeping.
 */
class ExpiryOverNetworkTest {

    /** Sends {@code words} as one command and reads a reply of {@code expected}'s length. */
    private static String call(TcpStream client, String expected, String... words) {
        client.writeAll(ByteBuffer.wrap(RawClient.command(words).getBytes(StandardCharsets.ISO_8859_1))).await();
        ByteBuffer reply = ByteBuffer.allocate(expected.getBytes(StandardCharsets.ISO_8859_1).length);
        while (reply.hasRemaining()) {
            if (client.read(reply).await() < 0) {
                break;
            }
        }
        return new String(reply.array(), 0, reply.position(), StandardCharsets.ISO_8859_1);
    }

    private static void advance(long millis) {
        TestClock.advance(Duration.ofMillis(millis)).await();
    }

    @AsyncTest(startPaused = true, timeoutMillis = 30_000)
    void keyExpiresRightAfterItsDeadline_asThePausedClockMoves() {
        MiniRedisServer server = MiniRedisServer.bind(TestServers.config().build()).await();
        try (TcpStream client = TcpStream.connect(server.localAddress()).await()) {
            assertThat(call(client, "+OK\r\n", "SET", "session", "token", "PX", "100")).isEqualTo("+OK\r\n");
            advance(100);
            assertThat(call(client, "$5\r\ntoken\r\n", "GET", "session")).isEqualTo("$5\r\ntoken\r\n");
            assertThat(call(client, ":0\r\n", "PTTL", "session")).isEqualTo(":0\r\n");
            advance(1);
            assertThat(call(client, "$-1\r\n", "GET", "session")).isEqualTo("$-1\r\n");
            assertThat(call(client, ":-2\r\n", "TTL", "session")).isEqualTo(":-2\r\n");
        } finally {
            server.shutdown().await();
        }
    }

    @AsyncTest(startPaused = true, timeoutMillis = 30_000)
    void ttlCountsDown_andExpiredKeysLeaveTheKeyspace() {
        MiniRedisServer server = MiniRedisServer.bind(TestServers.config().build()).await();
        try (TcpStream client = TcpStream.connect(server.localAddress()).await()) {
            assertThat(call(client, "+OK\r\n", "SET", "hour", "v", "EX", "3600")).isEqualTo("+OK\r\n");
            assertThat(call(client, "+OK\r\n", "SET", "forever", "v")).isEqualTo("+OK\r\n");
            assertThat(call(client, ":1\r\n", "EXPIRE", "forever", "7200", "NX")).isEqualTo(":1\r\n");
            assertThat(call(client, ":1\r\n", "PERSIST", "forever")).isEqualTo(":1\r\n");
            advance(1_800_000);
            assertThat(call(client, ":1800\r\n", "TTL", "hour")).isEqualTo(":1800\r\n");
            advance(1_800_001);
            assertThat(call(client, ":1\r\n", "DBSIZE")).isEqualTo(":1\r\n");
            assertThat(call(client, ":1\r\n", "EXISTS", "forever")).isEqualTo(":1\r\n");
        } finally {
            server.shutdown().await();
        }
    }
}
