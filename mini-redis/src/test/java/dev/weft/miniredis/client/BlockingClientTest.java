package dev.weft.miniredis.client;

import dev.weft.test.AsyncTest;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link BlockingClient} and {@link BlockingSubscriber} from plain threads, against each {@link ServerTarget}. */
class BlockingClientTest extends AgainstEachServer {

    @Test
    void everyOperation_worksFromAPlainThread() {
        try (BlockingClient client = BlockingClient.connect("127.0.0.1", server.port())) {
            assertThat(client.ping()).isEqualTo("PONG");
            assertThat(client.ping("echo")).isEqualTo("echo");
            assertThat(client.ping(new byte[] {0, -1})).containsExactly(0, -1);

            client.set("blocking:text", "hello");
            client.set("blocking:bytes", new byte[] {1, 2, 3});
            client.set("blocking:expiring", "soon", Duration.ofHours(1));
            client.set("blocking:expiring-bytes", new byte[] {4}, Duration.ofHours(1));

            assertThat(client.getString("blocking:text")).contains("hello");
            assertThat(client.get("blocking:bytes")).hasValueSatisfying(value -> assertThat(value).containsExactly(1, 2, 3));
            assertThat(client.getString("blocking:expiring")).contains("soon");
            assertThat(client.get("blocking:missing")).isEmpty();
            assertThat(client.del("blocking:text", "blocking:bytes", "blocking:missing")).isEqualTo(2);
            assertThat(client.publish("blocking:nobody", "hello")).isZero();
            assertThat(client.publish("blocking:nobody", new byte[] {9})).isZero();
        }
    }

    @Test
    void anErrorReply_isThrownAsItIs() {
        try (BlockingClient client = BlockingClient.connect(server.address())) {
            assertThatThrownBy(() -> client.set("k", "v", Duration.ofMillis(Long.MAX_VALUE)))
                    .isInstanceOf(RedisErrorException.class)
                    .hasMessage("ERR invalid expire time in 'set' command");
            assertThat(client.ping()).isEqualTo("PONG");
        }
    }

    @Test
    void aRefusedConnection_isAnUncheckedIOException() {
        InetSocketAddress nobody = new InetSocketAddress("127.0.0.1", LoopbackPorts.unused());
        assertThatThrownBy(() -> BlockingClient.connect(nobody))
                .isInstanceOf(UncheckedIOException.class)
                .hasCauseInstanceOf(ConnectException.class);
    }

    @Test
    void aBlockingSubscriber_receivesWhatAnotherThreadPublishes() {
        try (BlockingSubscriber subscriber = BlockingClient.connect(server.address()).subscribe("blocking:news");
             BlockingClient publisher = BlockingClient.connect(server.address())) {
            assertThat(subscriber.subscribedChannels()).containsExactly("blocking:news");
            CompletableFuture<Long> published = CompletableFuture.supplyAsync(() -> publisher.publish("blocking:news", "hello"));

            assertThat(subscriber.nextMessage()).contains(new Message("blocking:news", "hello".getBytes(StandardCharsets.UTF_8)));
            assertThat(published.join()).isEqualTo(1);

            subscriber.subscribe("blocking:sports");
            subscriber.unsubscribe("blocking:news");
            assertThat(subscriber.subscribedChannels()).containsExactly("blocking:sports");
            subscriber.unsubscribe();
            assertThat(subscriber.subscribedChannels()).isEmpty();
        }
    }

    @Test
    void closingFromAnotherThread_endsNextMessageWithEmpty() throws Exception {
        BlockingSubscriber subscriber = BlockingClient.connect(server.address()).subscribe("blocking:idle");
        CompletableFuture<Optional<Message>> waiting = CompletableFuture.supplyAsync(subscriber::nextMessage);

        subscriber.close();   // while the other thread waits for a message, or before it starts: empty either way

        assertThat(waiting.get(30, TimeUnit.SECONDS)).isEmpty();
        assertThat(subscriber.nextMessage()).isEmpty();
    }

    @AsyncTest
    void fromInsideATask_connectingRefuses() {
        assertThatThrownBy(() -> BlockingClient.connect(server.address()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("blockOn was called from inside a task");
    }
}
