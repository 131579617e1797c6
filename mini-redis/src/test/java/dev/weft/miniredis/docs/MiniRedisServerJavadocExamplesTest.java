package dev.weft.miniredis.docs;

import dev.weft.miniredis.cmd.GlobPattern;
import dev.weft.miniredis.server.MiniRedisServer;
import dev.weft.miniredis.server.ServerConfig;
import dev.weft.net.TcpStream;
import dev.weft.test.AsyncTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The examples of the server's javadoc, as they are written there, run and checked. */
@Timeout(30)
class MiniRedisServerJavadocExamplesTest {

    @Test
    void miniRedisServer_startOnItsOwnRuntime() throws IOException {
        try (MiniRedisServer server = MiniRedisServer.start(ServerConfig.builder().port(0).build())) {
            int port = server.port();   // the port the system chose
            // ... connect Jedis, Lettuce, redis-cli or Weft's client to 127.0.0.1:port
            try (Socket client = new Socket()) {
                client.connect(new InetSocketAddress("127.0.0.1", port));
                client.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
                assertThat(new String(client.getInputStream().readNBytes(7), StandardCharsets.US_ASCII)).isEqualTo("+PONG\r\n");
            }
        }
    }

    @AsyncTest(timeoutMillis = 20_000)
    void miniRedisServer_bindOnTheCallingTasksRuntime() {
        MiniRedisServer server = MiniRedisServer.bind(ServerConfig.builder().port(0).build()).await();
        try {
            // ... clients in tasks of this runtime
            try (TcpStream client = TcpStream.connect(server.localAddress()).await()) {
                client.writeAll(ByteBuffer.wrap("PING\r\n".getBytes(StandardCharsets.US_ASCII))).await();
                ByteBuffer reply = ByteBuffer.allocate(7);
                while (reply.hasRemaining() && client.read(reply).await() > 0) {
                    // read the whole reply
                }
                assertThat(new String(reply.array(), StandardCharsets.US_ASCII)).isEqualTo("+PONG\r\n");
            }
        } finally {
            server.shutdown().await();
        }
    }

    @Test
    void serverConfig() {
        ServerConfig config = ServerConfig.builder()
                .port(0)                                  // any free port; the server tells which
                .maxConnections(100)
                .shutdownTimeout(Duration.ofSeconds(2))
                .build();
        assertThat(config.bind()).isEqualTo("127.0.0.1");
        assertThat(config.maxConnections()).isEqualTo(100);
        assertThat(config.pubSubOutputLimit()).isEqualTo(32L * 1024 * 1024);
    }

    @Test
    void globPattern() {
        boolean matches = GlobPattern.matches("news.*", "news.sport", false);   // true
        assertThat(matches).isTrue();
    }
}
