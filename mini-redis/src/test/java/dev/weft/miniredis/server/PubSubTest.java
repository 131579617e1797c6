package dev.weft.miniredis.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** PUBLISH, (P)SUBSCRIBE and (P)UNSUBSCRIBE with Redis 7's reply formats, over real connections. */
@Timeout(60)
class PubSubTest {

    private static String message(String channel, String payload) {
        return "*3\r\n$7\r\nmessage\r\n" + bulk(channel) + bulk(payload);
    }

    private static String patternMessage(String pattern, String channel, String payload) {
        return "*4\r\n$8\r\npmessage\r\n" + bulk(pattern) + bulk(channel) + bulk(payload);
    }

    private static String confirmation(String kind, String name, int count) {
        return "*3\r\n" + bulk(kind) + (name == null ? "$-1\r\n" : bulk(name)) + ":" + count + "\r\n";
    }

    private static String bulk(String text) {
        return "$" + text.length() + "\r\n" + text + "\r\n";
    }

    @Test
    void subscribe_confirmsEachChannelWithTheCount_andReceivesMessages() {
        try (MiniRedisServer server = TestServers.start();
             RawClient subscriber = new RawClient(server.port());
             RawClient publisher = new RawClient(server.port())) {
            subscriber.send(RawClient.command("SUBSCRIBE", "news", "weather", "news"));
            assertThat(subscriber.readReplies(3)).containsExactly(
                    confirmation("subscribe", "news", 1),
                    confirmation("subscribe", "weather", 2),
                    confirmation("subscribe", "news", 2));
            assertThat(publisher.call("PUBLISH", "news", "hello")).isEqualTo(":1\r\n");
            assertThat(publisher.call("PUBLISH", "sport", "ignored")).isEqualTo(":0\r\n");
            assertThat(publisher.call("PUBLISH", "weather", "rain")).isEqualTo(":1\r\n");
            assertThat(subscriber.readReplies(2)).containsExactly(message("news", "hello"), message("weather", "rain"));
        }
    }

    @Test
    void psubscribe_receivesPmessagesOfMatchingChannels() {
        try (MiniRedisServer server = TestServers.start();
             RawClient subscriber = new RawClient(server.port());
             RawClient publisher = new RawClient(server.port())) {
            subscriber.send(RawClient.command("PSUBSCRIBE", "news.*", "h?llo"));
            assertThat(subscriber.readReplies(2)).containsExactly(
                    confirmation("psubscribe", "news.*", 1), confirmation("psubscribe", "h?llo", 2));
            subscriber.send(RawClient.command("SUBSCRIBE", "news.tech"));
            assertThat(subscriber.readReply()).isEqualTo(confirmation("subscribe", "news.tech", 3));
            assertThat(publisher.call("PUBLISH", "news.tech", "chips")).isEqualTo(":2\r\n");
            assertThat(publisher.call("PUBLISH", "hallo", "welt")).isEqualTo(":1\r\n");
            assertThat(publisher.call("PUBLISH", "news", "nothing")).isEqualTo(":0\r\n");
            assertThat(subscriber.readReplies(3)).containsExactly(
                    message("news.tech", "chips"),
                    patternMessage("news.*", "news.tech", "chips"),
                    patternMessage("h?llo", "hallo", "welt"));
        }
    }

    @Test
    void unsubscribeWithoutArguments_leavesEveryChannelWithOneReplyEach() {
        try (MiniRedisServer server = TestServers.start(); RawClient client = new RawClient(server.port())) {
            client.send(RawClient.command("SUBSCRIBE", "a", "b", "c"));
            client.readReplies(3);
            client.send(RawClient.command("PSUBSCRIBE", "p*"));
            client.readReply();
            client.send(RawClient.command("UNSUBSCRIBE"));
            assertThat(client.readReplies(3)).containsExactly(
                    confirmation("unsubscribe", "a", 3), confirmation("unsubscribe", "b", 2), confirmation("unsubscribe", "c", 1));
            client.send(RawClient.command("UNSUBSCRIBE"));
            assertThat(client.readReply()).isEqualTo(confirmation("unsubscribe", null, 1));
            client.send(RawClient.command("PUNSUBSCRIBE"));
            assertThat(client.readReply()).isEqualTo(confirmation("punsubscribe", "p*", 0));
            assertThat(client.call("PUNSUBSCRIBE")).isEqualTo(confirmation("punsubscribe", null, 0));
            assertThat(client.call("GET", "k")).isEqualTo("$-1\r\n");
        }
    }

    @Test
    void unsubscribe_fromChannelsNotSubscribed_stillConfirmsEach() {
        try (MiniRedisServer server = TestServers.start(); RawClient client = new RawClient(server.port())) {
            assertThat(client.call("UNSUBSCRIBE")).isEqualTo(confirmation("unsubscribe", null, 0));
            client.send(RawClient.command("UNSUBSCRIBE", "x", "y"));
            assertThat(client.readReplies(2)).containsExactly(confirmation("unsubscribe", "x", 0), confirmation("unsubscribe", "y", 0));
            client.send(RawClient.command("SUBSCRIBE", "x"));
            client.readReply();
            client.send(RawClient.command("UNSUBSCRIBE", "y", "x"));
            assertThat(client.readReplies(2)).containsExactly(confirmation("unsubscribe", "y", 1), confirmation("unsubscribe", "x", 0));
        }
    }

    @Test
    void subscribedMode_refusesOtherCommands_andStaysOpen() {
        try (MiniRedisServer server = TestServers.start(); RawClient client = new RawClient(server.port())) {
            client.send(RawClient.command("SUBSCRIBE", "news"));
            client.readReply();
            assertThat(client.call("GET", "k")).isEqualTo("-ERR Can't execute 'get': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE"
                    + " / PING / QUIT / RESET are allowed in this context\r\n");
            assertThat(client.call("CLIENT", "SETNAME", "x")).startsWith("-ERR Can't execute 'client|setname': only");
            assertThat(client.call("PUBLISH", "news", "x")).startsWith("-ERR Can't execute 'publish': only");
            assertThat(client.call("SET", "k", "v", "BADOPTION")).startsWith("-ERR Can't execute 'set': only");
            assertThat(client.call("GET")).isEqualTo("-ERR wrong number of arguments for 'get' command\r\n");
            assertThat(client.call("NOPE")).isEqualTo("-ERR unknown command 'NOPE', with args beginning with: \r\n");
            assertThat(client.call("PING")).isEqualTo("*2\r\n$4\r\npong\r\n$0\r\n\r\n");
            assertThat(client.call("PING", "hi")).isEqualTo("*2\r\n$4\r\npong\r\n$2\r\nhi\r\n");
            assertThat(client.call("UNSUBSCRIBE", "news")).isEqualTo(confirmation("unsubscribe", "news", 0));
            assertThat(client.call("PING")).isEqualTo("+PONG\r\n");
            assertThat(client.call("QUIT")).isEqualTo("+OK\r\n");
            assertThat(client.readUntilClosed()).isEmpty();
        }
    }

    @Test
    void quitWhileSubscribed_closesAfterTheReply() {
        try (MiniRedisServer server = TestServers.start(); RawClient client = new RawClient(server.port())) {
            client.send(RawClient.command("SUBSCRIBE", "news") + RawClient.command("QUIT"));
            assertThat(client.readUntilClosed()).isEqualTo(confirmation("subscribe", "news", 1) + "+OK\r\n");
        }
    }

    @Test
    void repliesBeforeSubscribingInOneBatch_comeFirst() {
        try (MiniRedisServer server = TestServers.start(); RawClient client = new RawClient(server.port())) {
            client.send(RawClient.command("ECHO", "before") + RawClient.command("SUBSCRIBE", "c")
                    + RawClient.command("PING") + RawClient.command("UNSUBSCRIBE") + RawClient.command("ECHO", "after"));
            assertThat(client.readReplies(5)).containsExactly("$6\r\nbefore\r\n", confirmation("subscribe", "c", 1),
                    "*2\r\n$4\r\npong\r\n$0\r\n\r\n", confirmation("unsubscribe", "c", 0), "$5\r\nafter\r\n");
        }
    }

    @Test
    void severalSubscribersAndPublishers_receiveEveryMessageInPublishOrder() throws InterruptedException {
        int subscribers = 4;
        int publishers = 3;
        int messagesEach = 200;
        try (MiniRedisServer server = TestServers.start()) {
            List<RawClient> clients = new ArrayList<>();
            try {
                for (int s = 0; s < subscribers; s++) {
                    RawClient client = new RawClient(server.port());
                    clients.add(client);
                    client.send(RawClient.command("SUBSCRIBE", "even", "odd") + RawClient.command("PSUBSCRIBE", "*"));
                    client.readReplies(3);
                }
                List<Thread> threads = new ArrayList<>();
                for (int p = 0; p < publishers; p++) {
                    int publisherId = p;
                    threads.add(Thread.ofPlatform().start(() -> {
                        try (RawClient publisher = new RawClient(server.port())) {
                            for (int i = 0; i < messagesEach; i++) {
                                String channel = i % 2 == 0 ? "even" : "odd";
                                assertThat(publisher.call("PUBLISH", channel, publisherId + ":" + i))
                                        .isEqualTo(":" + 2 * subscribers + "\r\n");
                            }
                        }
                    }));
                }
                for (Thread thread : threads) {
                    thread.join();
                }
                List<String> firstOrder = null;
                for (RawClient client : clients) {
                    List<String> received = client.readReplies(2 * publishers * messagesEach);
                    assertPerPublisherOrder(received, publishers, messagesEach);
                    if (firstOrder == null) {
                        firstOrder = received;
                    } else {
                        assertThat(received).as("every subscriber sees one global order").isEqualTo(firstOrder);
                    }
                }
            } finally {
                clients.forEach(RawClient::close);
            }
        }
    }

    /** Each publisher's messages arrive in the order it published them, each as message then pmessage. */
    private static void assertPerPublisherOrder(List<String> received, int publishers, int messagesEach) {
        int[] next = new int[publishers];
        for (int i = 0; i < received.size(); i += 2) {
            String direct = received.get(i);
            String[] lines = direct.split("\r\n");
            String channel = lines[4];
            String payload = lines[6];
            int publisher = Integer.parseInt(payload.substring(0, payload.indexOf(':')));
            int sequence = Integer.parseInt(payload.substring(payload.indexOf(':') + 1));
            assertThat(sequence).as("publisher %d's next message", publisher).isEqualTo(next[publisher]);
            assertThat(direct).isEqualTo(message(channel, payload));
            assertThat(received.get(i + 1)).isEqualTo(patternMessage("*", channel, payload));
            next[publisher]++;
        }
        for (int count : next) {
            assertThat(count).isEqualTo(messagesEach);
        }
    }

    @Test
    void subscriberThatStopsReading_isDisconnectedPastTheOutputLimit_andOthersGoOn() {
        try (MiniRedisServer server = TestServers.start(TestServers.config().pubSubOutputLimit(256 * 1024));
             RawClient stalled = new RawClient(server.port());
             RawClient reader = new RawClient(server.port());
             RawClient publisher = new RawClient(server.port())) {
            stalled.send(RawClient.command("SUBSCRIBE", "firehose"));
            assertThat(stalled.readReply()).isEqualTo(confirmation("subscribe", "firehose", 1));
            reader.send(RawClient.command("SUBSCRIBE", "other"));
            reader.readReply();
            String payload = "p".repeat(16 * 1024);
            // Far more than the socket buffers and the 256 KiB limit hold, none of it read.
            for (int i = 0; i < 2_000 && server.connectionCount() == 3; i++) {
                publisher.call("PUBLISH", "firehose", payload);
            }
            TestServers.awaitCondition("the stalled subscriber is disconnected", () -> server.connectionCount() == 2);
            assertThat(publisher.call("PUBLISH", "firehose", "x")).isEqualTo(":0\r\n");
            assertThat(publisher.call("PUBLISH", "other", "still here")).isEqualTo(":1\r\n");
            assertThat(reader.readReply()).isEqualTo(message("other", "still here"));
        }
    }

    @Test
    void subscriptionsOfAClosedConnection_areRemoved() {
        try (MiniRedisServer server = TestServers.start(); RawClient publisher = new RawClient(server.port())) {
            try (RawClient subscriber = new RawClient(server.port())) {
                subscriber.send(RawClient.command("SUBSCRIBE", "a") + RawClient.command("PSUBSCRIBE", "*"));
                subscriber.readReplies(2);
                assertThat(publisher.call("PUBLISH", "a", "x")).isEqualTo(":2\r\n");
            }
            TestServers.awaitCondition("the subscriber's connection has ended", () -> server.connectionCount() == 1);
            assertThat(publisher.call("PUBLISH", "a", "x")).isEqualTo(":0\r\n");
        }
    }

    @Test
    void subscriberThatSawItsConnectionClosed_isNoLongerAReceiverNorCounted() {
        try (MiniRedisServer server = TestServers.start(); RawClient publisher = new RawClient(server.port())) {
            try (RawClient subscriber = new RawClient(server.port())) {
                subscriber.send(RawClient.command("SUBSCRIBE", "a") + RawClient.command("QUIT"));
                assertThat(subscriber.readUntilClosed()).isEqualTo(confirmation("subscribe", "a", 1) + "+OK\r\n");
            }
            assertThat(publisher.call("PUBLISH", "a", "x")).isEqualTo(":0\r\n");
            assertThat(publisher.call("INFO", "clients")).contains("\r\nconnected_clients:1\r\n");
        }
    }
}
