package dev.weft.miniredis.server;

import dev.weft.miniredis.frame.ProtocolLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a connection ends (half-close, QUIT, protocol errors) and what the limits do: too many clients,
 * too long a bulk string, too many elements; and that a slow, idle or vanished client holds nobody up.
 */
@Timeout(60)
class ConnectionLimitsTest {

    @Test
    void halfClose_requestsSentBeforeTheFin_areAnswered_thenTheConnectionCloses() {
        try (MiniRedisServer server = TestServers.start(); RawClient client = new RawClient(server.port())) {
            client.send(RawClient.command("SET", "a", "1") + RawClient.command("GET", "a") + "PING\r\n");
            client.shutdownOutput();
            assertThat(client.readUntilClosed()).isEqualTo("+OK\r\n$1\r\n1\r\n+PONG\r\n");
            TestServers.awaitCondition("the connection has ended", () -> server.connectionCount() == 0);
        }
    }

    @Test
    void halfClose_afterAnIncompleteRequest_answersTheCompleteOnesOnly() {
        try (MiniRedisServer server = TestServers.start(); RawClient client = new RawClient(server.port())) {
            client.send("PING\r\n*2\r\n$3\r\nGET\r\n$5\r\nab");
            client.shutdownOutput();
            assertThat(client.readUntilClosed()).isEqualTo("+PONG\r\n");
        }
    }

    @Test
    void protocolErrors_areAnsweredWithRedisWords_thenTheConnectionCloses() {
        String[][] cases = {
                {"*1\r\n$-5\r\n", "-ERR Protocol error: invalid bulk length\r\n"},
                {"*x\r\n", "-ERR Protocol error: invalid multibulk length\r\n"},
                {"*1\r\n:1\r\n", "-ERR Protocol error: expected '$', got ':'\r\n"},
                {"SET k \"open\r\n", "-ERR Protocol error: unbalanced quotes in request\r\n"},
                {"*1\r\n$4294967296\r\n", "-ERR Protocol error: invalid bulk length\r\n"},
        };
        try (MiniRedisServer server = TestServers.start()) {
            for (String[] malformed : cases) {
                try (RawClient client = new RawClient(server.port())) {
                    client.send(RawClient.command("SET", "a", "1") + malformed[0] + RawClient.command("GET", "a"));
                    assertThat(client.readUntilClosed()).as(malformed[0]).isEqualTo("+OK\r\n" + malformed[1]);
                }
            }
            try (RawClient client = new RawClient(server.port())) {
                assertThat(client.call("GET", "a")).isEqualTo("$1\r\n1\r\n");
            }
        }
    }

    @Test
    void bulkLongerThanTheLimit_isAProtocolError_andOneAtTheLimitIsServed() {
        ProtocolLimits limits = new ProtocolLimits(1024, 16, 64 * 1024, 1024 * 1024);
        try (MiniRedisServer server = TestServers.start(TestServers.config().limits(limits))) {
            try (RawClient client = new RawClient(server.port())) {
                String atLimit = "v".repeat(1024);
                assertThat(client.call("SET", "k", atLimit)).isEqualTo("+OK\r\n");
                assertThat(client.call("GET", "k")).isEqualTo("$1024\r\n" + atLimit + "\r\n");
                client.send("*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$1025\r\n");
                assertThat(client.readUntilClosed()).isEqualTo("-ERR Protocol error: invalid bulk length\r\n");
            }
            try (RawClient client = new RawClient(server.port())) {
                assertThat(client.call("EXISTS", "k")).isEqualTo(":1\r\n");
            }
        }
    }

    @Test
    void arrayLongerThanTheLimit_isAProtocolError() {
        ProtocolLimits limits = new ProtocolLimits(1024, 4, 64 * 1024, 1024 * 1024);
        try (MiniRedisServer server = TestServers.start(TestServers.config().limits(limits))) {
            try (RawClient client = new RawClient(server.port())) {
                assertThat(client.call("MGET", "a", "b", "c")).isEqualTo("*3\r\n$-1\r\n$-1\r\n$-1\r\n");
                client.send("*5\r\n");
                assertThat(client.readUntilClosed()).isEqualTo("-ERR Protocol error: invalid multibulk length\r\n");
            }
        }
    }

    @Test
    void clientsBeyondMaxConnections_getAnErrorAndAreClosed_whileOthersKeepWorking() {
        try (MiniRedisServer server = TestServers.start(TestServers.config().maxConnections(2));
             RawClient first = new RawClient(server.port());
             RawClient second = new RawClient(server.port())) {
            assertThat(first.call("PING")).isEqualTo("+PONG\r\n");
            assertThat(second.call("PING")).isEqualTo("+PONG\r\n");
            try (RawClient refused = new RawClient(server.port())) {
                assertThat(refused.readUntilClosed()).isEqualTo("-ERR max number of clients reached\r\n");
            }
            assertThat(first.call("SET", "k", "v")).isEqualTo("+OK\r\n");
            assertThat(second.call("GET", "k")).isEqualTo("$1\r\nv\r\n");
            assertThat(first.call("INFO", "stats")).contains("\r\nrejected_connections:1\r\n");
            first.close();
            TestServers.awaitCondition("the first connection has ended", () -> server.connectionCount() == 1);
            try (RawClient third = new RawClient(server.port())) {
                assertThat(third.call("GET", "k")).isEqualTo("$1\r\nv\r\n");
            }
        }
    }

    @Test
    void idleSlowAndVanishedClients_doNotHoldUpOthers() {
        try (MiniRedisServer server = TestServers.start();
             RawClient idle = new RawClient(server.port());
             RawClient slow = new RawClient(server.port());
             RawClient active = new RawClient(server.port())) {
            idle.send("*2\r\n$3\r\nGET\r\n$1");
            String big = "b".repeat(256 * 1024);
            assertThat(active.call("SET", "big", big)).isEqualTo("+OK\r\n");
            StringBuilder requests = new StringBuilder();
            for (int i = 0; i < 64; i++) {
                requests.append(RawClient.command("GET", "big"));
            }
            slow.send(requests.toString());   // 16 MiB of replies it does not read
            resetAfterPartialRequest(server.port());
            for (int i = 0; i < 100; i++) {
                assertThat(active.call("INCR", "counter")).isEqualTo(":" + (i + 1) + "\r\n");
            }
            TestServers.awaitCondition("the vanished client's connection has ended", () -> server.connectionCount() == 3);
            assertThat(slow.read(big.length() + 10)).startsWith("$262144\r\nbbb");
        }
    }

    /** A client that sends half a request and disappears with a reset (SO_LINGER 0). */
    private static void resetAfterPartialRequest(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port));
            socket.getOutputStream().write("*1\r\n$4\r\nPI".getBytes(StandardCharsets.US_ASCII));
            socket.setSoLinger(true, 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
