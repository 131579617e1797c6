package dev.weft.miniredis.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.SetParams;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Jedis, a real Java client, driving the server. */
@Timeout(60)
class JedisTest {

    private static Jedis connect(MiniRedisServer server) {
        return new Jedis("127.0.0.1", server.port());
    }

    @Test
    void stringsAndKeys() {
        try (MiniRedisServer server = TestServers.start(); Jedis jedis = connect(server)) {
            assertThat(jedis.ping()).isEqualTo("PONG");
            assertThat(jedis.set("hello", "world")).isEqualTo("OK");
            assertThat(jedis.get("hello")).isEqualTo("world");
            assertThat(jedis.set("hello", "again", SetParams.setParams().nx())).isNull();
            assertThat(jedis.setGet("hello", "there")).isEqualTo("world");
            assertThat(jedis.incr("counter")).isEqualTo(1);
            assertThat(jedis.incrBy("counter", 41)).isEqualTo(42);
            assertThat(jedis.decrBy("counter", 2)).isEqualTo(40);
            assertThat(jedis.mset("a", "1", "b", "2")).isEqualTo("OK");
            assertThat(jedis.mget("a", "nope", "b")).containsExactly("1", null, "2");
            assertThat(jedis.exists("a", "b", "nope")).isEqualTo(2);
            assertThat(jedis.del("a", "b")).isEqualTo(2);
            assertThat(jedis.dbSize()).isEqualTo(2);
            assertThat(jedis.echo("echo")).isEqualTo("echo");
            assertThatThrownBy(() -> jedis.incr("hello"))
                    .isInstanceOf(JedisDataException.class)
                    .hasMessage("ERR value is not an integer or out of range");
            assertThat(jedis.get("hello")).isEqualTo("there");
        }
    }

    @Test
    void expiry() {
        try (MiniRedisServer server = TestServers.start(); Jedis jedis = connect(server)) {
            jedis.set("long", "v", SetParams.setParams().ex(3600));
            assertThat(jedis.ttl("long")).isBetween(3599L, 3600L);
            assertThat(jedis.pttl("long")).isBetween(3_590_000L, 3_600_000L);
            assertThat(jedis.persist("long")).isEqualTo(1);
            assertThat(jedis.ttl("long")).isEqualTo(-1);
            assertThat(jedis.expire("long", 100)).isEqualTo(1);
            assertThat(jedis.ttl("nope")).isEqualTo(-2);
            // A real short expiry: Jedis talks to a server on the real clock.
            jedis.set("short", "v", SetParams.setParams().px(50));
            TestServers.awaitCondition("the 50 ms key has expired", () -> !jedis.exists("short"));
            assertThat(jedis.get("short")).isNull();
            assertThat(jedis.exists("long")).isTrue();
        }
    }

    @Test
    void pipeline_getsEveryReplyInOrder() {
        try (MiniRedisServer server = TestServers.start(); Jedis jedis = connect(server)) {
            Pipeline pipeline = jedis.pipelined();
            List<Response<Long>> increments = new ArrayList<>();
            for (int i = 0; i < 1_000; i++) {
                increments.add(pipeline.incr("pipelined"));
            }
            Response<String> value = pipeline.get("pipelined");
            Response<String> missing = pipeline.get("missing");
            pipeline.sync();
            for (int i = 0; i < increments.size(); i++) {
                assertThat(increments.get(i).get()).isEqualTo(i + 1L);
            }
            assertThat(value.get()).isEqualTo("1000");
            assertThat(missing.get()).isNull();
        }
    }

    @Test
    void publishSubscribe_withChannelsAndPatterns() throws InterruptedException {
        try (MiniRedisServer server = TestServers.start(); Jedis subscriber = connect(server); Jedis publisher = connect(server)) {
            List<String> received = Collections.synchronizedList(new ArrayList<>());
            CountDownLatch subscribed = new CountDownLatch(2);
            CountDownLatch allReceived = new CountDownLatch(3);
            JedisPubSub listener = new JedisPubSub() {
                @Override
                public void onSubscribe(String channel, int count) {
                    subscribed.countDown();
                }

                @Override
                public void onPSubscribe(String pattern, int count) {
                    subscribed.countDown();
                }

                @Override
                public void onMessage(String channel, String message) {
                    received.add(channel + "=" + message);
                    allReceived.countDown();
                }

                @Override
                public void onPMessage(String pattern, String channel, String message) {
                    received.add(pattern + ":" + channel + "=" + message);
                    allReceived.countDown();
                }
            };
            Thread listening = Thread.ofPlatform().start(() -> subscriber.subscribe(listener, "news"));
            TestServers.awaitCondition("subscribed to news", () -> subscribed.getCount() == 1);
            listener.psubscribe("weather.*");
            assertThat(subscribed.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(publisher.publish("news", "first")).isEqualTo(1);
            assertThat(publisher.publish("weather.paris", "rain")).isEqualTo(1);
            assertThat(publisher.publish("sport", "nobody")).isZero();
            assertThat(publisher.publish("news", "second")).isEqualTo(1);
            assertThat(allReceived.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(received).containsExactly("news=first", "weather.*:weather.paris=rain", "news=second");
            listener.unsubscribe();
            listener.punsubscribe();
            listening.join(10_000);
            assertThat(listening.isAlive()).as("subscribe() returned once no subscription was left").isFalse();
            assertThat(subscriber.ping()).isEqualTo("PONG");
        }
    }
}
