package dev.weft.miniredis.server;

import dev.weft.runtime.AsyncRuntime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Graceful shutdown: what happens to idle, subscribed and busy connections, the listener and the tasks. */
@Timeout(60)
class ShutdownTest {

    private static final int BIG = 16 * 1024 * 1024;

    @Test
    void shutdown_closesIdleAndSubscribedConnections_andEndsEveryTask() {
        try (AsyncRuntime runtime = AsyncRuntime.builder().build()) {
            MiniRedisServer server = MiniRedisServer.start(TestServers.config().build(), runtime);
            try (RawClient idle = new RawClient(server.port()); RawClient subscribed = new RawClient(server.port())) {
                assertThat(idle.call("PING")).isEqualTo("+PONG\r\n");
                assertThat(subscribed.call("SUBSCRIBE", "news")).isEqualTo("*3\r\n$9\r\nsubscribe\r\n$4\r\nnews\r\n:1\r\n");
                assertThat(runtime.blockOn(server.shutdown())).isTrue();
                assertThat(idle.readUntilClosed()).isEmpty();
                assertThat(subscribed.readUntilClosed()).isEmpty();
            }
            assertThat(server.connectionCount()).isZero();
            TestServers.awaitCondition("the acceptor, the purge task and the connections' tasks have ended",
                    () -> runtime.tasks().isEmpty());
            assertThatThrownBy(() -> new Socket().connect(new InetSocketAddress("127.0.0.1", server.port())))
                    .isInstanceOf(ConnectException.class);
        }
    }

    @Test
    void close_isIdempotent_andStopsTheServersOwnRuntime() throws IOException {
        MiniRedisServer server = TestServers.start();
        try (RawClient client = new RawClient(server.port())) {
            assertThat(client.call("PING")).isEqualTo("+PONG\r\n");
            server.close();
            assertThat(client.readUntilClosed()).isEmpty();
            server.close();
        }
        try (Socket socket = new Socket()) {
            assertThatThrownBy(() -> socket.connect(new InetSocketAddress("127.0.0.1", server.port())))
                    .isInstanceOf(ConnectException.class);
        }
    }

    @Test
    void commandInFlight_finishesAndIsWrittenWhole_beforeItsConnectionCloses() {
        try (AsyncRuntime runtime = AsyncRuntime.builder().build()) {
            MiniRedisServer server = MiniRedisServer.start(TestServers.config().build(), runtime);
            try (RawClient client = new RawClient(server.port())) {
                String value = "v".repeat(BIG);
                assertThat(client.call("SET", "big", value)).isEqualTo("+OK\r\n");
                client.send(RawClient.command("GET", "big"));
                assertThat(client.read("$" + BIG + "\r\nv")).isEqualTo("$" + BIG + "\r\nv");
                CompletableFuture<Boolean> shutdown = CompletableFuture.supplyAsync(() -> runtime.blockOn(server.shutdown()));
                String rest = client.readUntilClosed();
                assertThat(rest).hasSize(BIG - 1 + 2).endsWith("vv\r\n");
                assertThat(shutdown.join()).isTrue();
            }
        }
    }

    @Test
    void connectionStillBusyAtTheTimeout_isClosedRegardless() {
        try (AsyncRuntime runtime = AsyncRuntime.builder().build()) {
            MiniRedisServer server = MiniRedisServer.start(
                    TestServers.config().shutdownTimeout(Duration.ofMillis(200)).build(), runtime);
            try (RawClient stuck = new RawClient(server.port()); RawClient idle = new RawClient(server.port())) {
                assertThat(stuck.call("SET", "big", "v".repeat(BIG))).isEqualTo("+OK\r\n");
                stuck.send(RawClient.command("GET", "big"));
                assertThat(stuck.read(1)).isEqualTo("$");
                assertThat(idle.call("PING")).isEqualTo("+PONG\r\n");
                assertThat(runtime.blockOn(server.shutdown())).as("a connection had to be closed regardless").isFalse();
                assertThat(idle.readUntilClosed()).isEmpty();
                assertThat(stuck.readUntilClosed().length()).isLessThan(BIG);
            }
            TestServers.awaitCondition("every connection has ended", () -> server.connectionCount() == 0);
        }
    }
}
