package dev.weft.miniredis.client;

import dev.weft.Async;
import dev.weft.miniredis.frame.Frame;
import dev.weft.task.JoinHandle;
import dev.weft.Weft;
import dev.weft.test.AsyncTest;
import org.junit.jupiter.api.BeforeEach;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every command of {@link Client} against a real server (each {@link ServerTarget}), on every runtime flavour. */
class ClientTest extends AgainstEachServer {

    @BeforeEach
    void emptyTheDatabase() {
        assertThat(RawConnection.command(server.address(), "FLUSHDB")).isEqualTo(Frame.OK);
    }

    static byte[] everyByteValue() {
        byte[] bytes = new byte[256];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        return bytes;
    }

    @AsyncTest(everyFlavor = true)
    void ping_answersPong_orEchoesTheMessage() {
        try (Client client = Client.connect(server.address()).await()) {
            assertThat(client.ping().await()).isEqualTo("PONG");
            assertThat(client.ping("hello, world").await()).isEqualTo("hello, world");
            assertThat(client.ping(everyByteValue()).await()).isEqualTo(everyByteValue());
        }
    }

    @AsyncTest(everyFlavor = true)
    void set_thenGet_returnsTheValue_binarySafe() {
        try (Client client = Client.connect("127.0.0.1", server.port()).await()) {
            client.set("greeting", "hello").await();
            client.set("bytes", everyByteValue()).await();
            client.set("ключ ✓", "значение ✓").await();
            client.set("empty", new byte[0]).await();

            assertThat(client.getString("greeting").await()).contains("hello");
            assertThat(client.get("bytes").await()).hasValueSatisfying(value -> assertThat(value).isEqualTo(everyByteValue()));
            assertThat(client.getString("ключ ✓").await()).contains("значение ✓");
            assertThat(client.get("empty").await()).hasValueSatisfying(value -> assertThat(value).isEmpty());
        }
    }

    @AsyncTest
    void get_ofAMissingKey_isEmpty() {
        try (Client client = Client.connect(server.address()).await()) {
            assertThat(client.get("missing").await()).isEmpty();
            assertThat(client.getString("missing").await()).isEmpty();
        }
    }

    @AsyncTest
    void set_replacesTheValue_andDropsAnEarlierExpiry() {
        try (Client client = Client.connect(server.address()).await()) {
            client.set("key", "first", Duration.ofHours(1)).await();
            client.set("key", "second").await();

            assertThat(client.getString("key").await()).contains("second");
            assertThat(RawConnection.commandFromTask(server.address(), "PTTL", "key").await()).isEqualTo(Frame.integer(-1));
        }
    }

    @AsyncTest
    void setWithAnExpiry_sendsItInMilliseconds() {
        try (Client client = Client.connect(server.address()).await()) {
            client.set("key", "value", Duration.ofHours(1)).await();

            assertThat(client.getString("key").await()).contains("value");
            long ttl = ((Frame.Integer) RawConnection.commandFromTask(server.address(), "PTTL", "key").await()).value();
            assertThat(ttl).isBetween(1L, Duration.ofHours(1).toMillis());
        }
    }

    @AsyncTest(timeoutMillis = 30_000)
    void setWithAShortExpiry_isGoneOnceItPassed() {
        try (Client client = Client.connect(server.address()).await()) {
            client.set("brief", "value", Duration.ofMillis(30)).await();
            client.set("lasting", "value", Duration.ofHours(1)).await();

            int reads = 0;
            while (client.get("brief").await().isPresent()) {   // bounded by the test's timeout
                assertThat(++reads).as("reads before the key expired").isLessThan(100_000);
            }
            assertThat(client.getString("lasting").await()).contains("value");
            assertThat(RawConnection.commandFromTask(server.address(), "EXISTS", "brief").await()).isEqualTo(Frame.integer(0));
        }
    }

    @AsyncTest
    void del_returnsHowManyOfTheKeysExisted() {
        try (Client client = Client.connect(server.address()).await()) {
            client.set("a", "1").await();
            client.set("b", "2").await();

            assertThat(client.del("a", "b", "c").await()).isEqualTo(2);
            assertThat(client.del("a").await()).isZero();
            assertThat(client.get("b").await()).isEmpty();
        }
    }

    @AsyncTest
    void publish_withoutSubscribers_reachesNobody() {
        try (Client client = Client.connect(server.address()).await()) {
            assertThat(client.publish("nobody-listens", "hello").await()).isZero();
            assertThat(client.publish("nobody-listens", everyByteValue()).await()).isZero();
        }
    }

    @AsyncTest
    void errorReply_isThrownAsRedisErrorException_andTheClientStaysUsable() {
        try (Client client = Client.connect(server.address()).await()) {
            assertThatThrownBy(() -> client.set("key", "value", Duration.ofMillis(Long.MAX_VALUE)).await())
                    .isInstanceOfSatisfying(RedisErrorException.class, e -> {
                        assertThat(e.getMessage()).isEqualTo("ERR invalid expire time in 'set' command");
                        assertThat(e.code()).isEqualTo("ERR");
                    });

            assertThat(client.get("key").await()).isEmpty();
            assertThat(client.ping().await()).isEqualTo("PONG");
        }
    }

    @AsyncTest
    void largeValues_travelWhole() {
        byte[] large = new byte[3 * 1024 * 1024 + 17];
        new SplittableRandom(6).nextBytes(large);
        try (Client client = Client.connect(server.address()).await()) {
            client.set("large", large).await();

            assertThat(client.get("large").await()).hasValueSatisfying(value -> assertThat(value).isEqualTo(large));
            assertThat(client.ping(large).await()).isEqualTo(large);
        }
    }

    @AsyncTest(everyFlavor = true)
    void manyClients_inTasksOfTheirOwn_eachGetTheirOwnReplies() {
        List<JoinHandle<Void>> tasks = new ArrayList<>();
        for (int t = 0; t < 10; t++) {
            String prefix = "client-" + t + ":";
            tasks.add(Weft.spawn(Async.run(() -> {
                try (Client client = Client.connect(server.address()).await()) {
                    for (int i = 0; i < 200; i++) {
                        client.set(prefix + i, prefix + "value-" + i).await();
                        assertThat(client.getString(prefix + i).await()).contains(prefix + "value-" + i);
                    }
                }
            })));
        }
        for (JoinHandle<Void> task : tasks) {
            task.await();
        }
    }

    @AsyncTest
    void close_makesLaterRequestsThrowIllegalState() {
        Client client = Client.connect(server.address()).await();
        client.close();
        client.close();

        assertThatThrownBy(() -> client.ping().await())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the Client is closed");
    }

    @AsyncTest
    void preconditions_areCheckedWhenTheOperationIsMade() {
        try (Client client = Client.connect(server.address()).await()) {
            assertThatThrownBy(() -> client.set("k", "v", Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("expiry <= 0: PT0S");
            assertThatThrownBy(() -> client.set("k", "v", Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> client.del()).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("fewer than 1 key: 0");
            assertThatThrownBy(() -> client.subscribe()).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("fewer than 1 channel: 0");
            assertThatThrownBy(() -> client.get(null)).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> client.set("k", (byte[]) null)).isInstanceOf(NullPointerException.class);
            assertThat(client.ping().await()).isEqualTo("PONG");
        }
    }
}
