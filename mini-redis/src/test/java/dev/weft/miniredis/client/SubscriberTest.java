package dev.weft.miniredis.client;

import dev.weft.Weft;
import dev.weft.miniredis.frame.Frame;
import dev.weft.task.JoinHandle;
import dev.weft.test.AsyncTest;
import dev.weft.time.Elapsed;
import dev.weft.time.Time;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Publish/subscribe through {@link Client#subscribe} and {@link Subscriber}, against each {@link ServerTarget}. */
class SubscriberTest extends AgainstEachServer {

    private static Subscriber subscriber(String... channels) {
        return Client.connect(server.address()).await().subscribe(channels).await();
    }

    private static List<Message> take(Subscriber subscriber, int count) {
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            messages.add(subscriber.nextMessage().await().orElseThrow());
        }
        return messages;
    }

    private static Message message(String channel, String content) {
        return new Message(channel, content.getBytes(StandardCharsets.UTF_8));
    }

    @AsyncTest(everyFlavor = true)
    void everySubscriber_getsTheMessagesOfItsChannels_inPublishOrder() {
        try (Subscriber both = subscriber("sports", "weather");
             Subscriber weatherOnly = subscriber("weather");
             Client publisher = Client.connect(server.address()).await()) {
            List<Message> toBoth = new ArrayList<>();
            List<Message> toWeatherOnly = new ArrayList<>();
            String[] channels = {"sports", "weather", "politics"};
            for (int i = 0; i < 60; i++) {
                String channel = channels[i % 3];
                long receivers = publisher.publish(channel, channel + " " + i).await();
                switch (channel) {
                    case "sports" -> {
                        assertThat(receivers).isEqualTo(1);
                        toBoth.add(message(channel, channel + " " + i));
                    }
                    case "weather" -> {
                        assertThat(receivers).isEqualTo(2);
                        toBoth.add(message(channel, channel + " " + i));
                        toWeatherOnly.add(message(channel, channel + " " + i));
                    }
                    default -> assertThat(receivers).isZero();
                }
            }

            assertThat(take(both, toBoth.size())).containsExactlyElementsOf(toBoth);
            assertThat(take(weatherOnly, toWeatherOnly.size())).containsExactlyElementsOf(toWeatherOnly);
        }
    }

    @AsyncTest
    void subscribedChannels_areTheConfirmedOnes_inSubscriptionOrder() {
        try (Subscriber subscriber = subscriber("b", "a", "b")) {
            assertThat(subscriber.subscribedChannels()).containsExactly("b", "a");

            subscriber.subscribe("c", "a").await();

            assertThat(subscriber.subscribedChannels()).containsExactly("b", "a", "c");
            assertThatThrownBy(() -> subscriber.subscribedChannels().add("d")).isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @AsyncTest(everyFlavor = true)
    void subscribingToMore_keepsTheMessagesThatArriveMeanwhile() {
        try (Subscriber subscriber = subscriber("first");
             Client publisher = Client.connect(server.address()).await()) {
            for (int i = 0; i < 10; i++) {
                assertThat(publisher.publish("first", "early " + i).await()).isEqualTo(1);
            }

            subscriber.subscribe("second").await();
            assertThat(publisher.publish("second", "late").await()).isEqualTo(1);

            List<Message> expected = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                expected.add(message("first", "early " + i));
            }
            expected.add(message("second", "late"));
            assertThat(take(subscriber, 11)).containsExactlyElementsOf(expected);
        }
    }

    @AsyncTest
    void unsubscribingFromNamedChannels_stopsTheirMessagesOnly() {
        try (Subscriber subscriber = subscriber("a", "b", "c");
             Client publisher = Client.connect(server.address()).await()) {
            subscriber.unsubscribe("a", "c").await();

            assertThat(subscriber.subscribedChannels()).containsExactly("b");
            assertThat(publisher.publish("a", "dropped").await()).isZero();
            assertThat(publisher.publish("b", "kept").await()).isEqualTo(1);
            assertThat(subscriber.nextMessage().await()).contains(message("b", "kept"));
        }
    }

    @AsyncTest
    void unsubscribingWithoutChannels_dropsThemAll_evenWhenThereAreNone() {
        try (Subscriber subscriber = subscriber("a", "b");
             Client publisher = Client.connect(server.address()).await()) {
            subscriber.unsubscribe().await();

            assertThat(subscriber.subscribedChannels()).isEmpty();
            assertThat(publisher.publish("a", "dropped").await()).isZero();

            subscriber.unsubscribe().await();
            subscriber.subscribe("c").await();
            assertThat(publisher.publish("c", "back").await()).isEqualTo(1);
            assertThat(subscriber.nextMessage().await()).contains(message("c", "back"));
        }
    }

    @AsyncTest
    void messageContent_isBinarySafe() {
        byte[] everyByte = ClientTest.everyByteValue();
        try (Subscriber subscriber = subscriber("binary");
             Client publisher = Client.connect(server.address()).await()) {
            publisher.publish("binary", everyByte).await();
            publisher.publish("binary", new byte[0]).await();

            assertThat(subscriber.nextMessage().await()).contains(new Message("binary", everyByte));
            assertThat(subscriber.nextMessage().await()).contains(new Message("binary", new byte[0]));
        }
    }

    @AsyncTest
    void messages_isAStreamOfTheMessages() {
        try (Subscriber subscriber = subscriber("stream");
             Client publisher = Client.connect(server.address()).await()) {
            for (String word : List.of("one", "two", "three", "four")) {
                publisher.publish("stream", word).await();
            }

            assertThat(subscriber.messages().map(Message::contentUtf8).take(3).toList().await())
                    .containsExactly("one", "two", "three");
            assertThat(subscriber.nextMessage().await()).contains(message("stream", "four"));
        }
    }

    @AsyncTest(startPaused = true)
    void aCancelledNextMessage_losesNoMessage() {
        try (Subscriber subscriber = subscriber("quiet");
             Client publisher = Client.connect(server.address()).await()) {
            assertThatThrownBy(() -> Time.timeout(Duration.ofSeconds(1), subscriber.nextMessage()).await())
                    .isInstanceOf(Elapsed.class);

            publisher.publish("quiet", "finally").await();
            assertThat(subscriber.nextMessage().await()).contains(message("quiet", "finally"));
        }
    }

    @AsyncTest
    void aClientThatSubscribed_refusesRequests_andClosingItClosesTheSubscriber() {
        Client client = Client.connect(server.address()).await();
        Subscriber subscriber = client.subscribe("handed-over").await();

        assertThatThrownBy(() -> client.ping().await()).isInstanceOf(IllegalStateException.class)
                .hasMessage("ping on a client that was turned into a Subscriber: use that, or connect another client");
        assertThatThrownBy(() -> client.subscribe("again").await()).isInstanceOf(IllegalStateException.class);

        client.close();
        assertThat(subscriber.nextMessage().await()).isEmpty();
    }

    @AsyncTest
    void closingFromAnotherTask_endsAPendingNextMessageWithEmpty() {
        Subscriber subscriber = subscriber("idle");
        JoinHandle<Optional<Message>> waiting = Weft.spawn(subscriber.nextMessage());
        Weft.yieldNow().await();   // current-thread: the other task runs until it waits for a message
        assertThatThrownBy(() -> subscriber.subscribe("more").await())
                .as("the other task is inside nextMessage")
                .isInstanceOf(IllegalStateException.class);

        subscriber.close();

        assertThat(waiting.await()).isEmpty();
        assertThat(subscriber.nextMessage().await()).isEmpty();
        assertThatThrownBy(() -> subscriber.subscribe("more").await()).isInstanceOf(IllegalStateException.class)
                .hasMessage("the Subscriber is closed");
    }

    @AsyncTest
    void theServerClosingTheConnection_endsNextMessageWithEmpty() {
        TestServer own = Weft.spawnBlocking(target::start).await();
        try (Subscriber subscriber = Client.connect(own.address()).await().subscribe("news").await()) {
            JoinHandle<Optional<Message>> waiting = Weft.spawn(subscriber.nextMessage());
            assertThat(RawConnection.commandFromTask(own.address(), "PUBLISH", "news", "last").await())
                    .isEqualTo(Frame.integer(1));
            assertThat(waiting.await()).contains(message("news", "last"));

            Weft.spawnBlocking(() -> {
                own.close();
                return null;
            }).await();

            assertThat(subscriber.nextMessage().await()).isEmpty();
        } finally {
            own.close();
        }
    }
}
