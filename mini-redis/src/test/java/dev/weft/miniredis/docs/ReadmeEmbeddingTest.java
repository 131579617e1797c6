package dev.weft.miniredis.docs;

import dev.weft.miniredis.server.MiniRedisServer;
import dev.weft.miniredis.server.ServerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import redis.clients.jedis.Jedis;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's example of embedding mini-redis in a test, as written there, with Jedis. */
@Timeout(30)
class ReadmeEmbeddingTest {

    @Test
    void embeddedServer_servesJedis() {
        String value;
        try (MiniRedisServer server = MiniRedisServer.start(ServerConfig.builder().port(0).build())) {
            try (Jedis jedis = new Jedis("127.0.0.1", server.port())) {   // or Weft's Client, Lettuce, redis-cli
                jedis.set("hello", "world");
                value = jedis.get("hello");
            }
        }
        assertThat(value).isEqualTo("world");
    }
}
