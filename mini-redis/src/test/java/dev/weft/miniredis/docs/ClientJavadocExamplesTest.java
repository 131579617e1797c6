package dev.weft.miniredis.docs;

import dev.weft.Async;
import dev.weft.miniredis.cli.CliMain;
import dev.weft.miniredis.client.AgainstEachServer;
import dev.weft.miniredis.client.BlockingClient;
import dev.weft.miniredis.client.BlockingSubscriber;
import dev.weft.miniredis.client.Client;
import dev.weft.miniredis.client.Message;
import dev.weft.miniredis.client.RedisCommands;
import dev.weft.miniredis.client.RedisErrorException;
import dev.weft.miniredis.client.SharedClient;
import dev.weft.miniredis.client.Subscriber;
import dev.weft.runtime.AsyncRuntime;
import dev.weft.task.TaskScope;
import dev.weft.test.AsyncTest;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The examples of the client library's and the CLI's javadoc, as they are written there (with the test
 * server's port for 6379), run against each server and checked.
 */
class ClientJavadocExamplesTest extends AgainstEachServer {

    @Test
    void client() {
        int port = server.port();
        Optional<String> seen = AsyncRuntime.run(() -> {
            try (Client client = Client.connect("127.0.0.1", port).await()) {
                client.set("hello", "world").await();
                Optional<String> value = client.getString("hello").await();   // Optional[world]
                return value;
            }
        });
        assertThat(seen).contains("world");
    }

    /** The README's client program, the seed's hello-redis (connect, set, get), with the test server's port. */
    @Test
    void readmeHelloRedis() {
        int port = server.port();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream console = new PrintStream(printed, true, StandardCharsets.UTF_8);

        AsyncRuntime.run(() -> {
            try (Client client = Client.connect("127.0.0.1", port).await()) {
                client.set("hello", "world").await();
                Optional<String> result = client.getString("hello").await();
                console.println("got value from the server; result=" + result);
            }
        });

        assertThat(printed.toString(StandardCharsets.UTF_8))
                .isEqualTo("got value from the server; result=Optional[world]\n");
    }

    static Async<Long> visit(RedisCommands redis, String page) {
        return Async.of(() -> {
            redis.set("last-visit", page, Duration.ofDays(1)).await();
            return redis.publish("visits", page).await();   // how many subscribers heard of it
        });
    }

    @AsyncTest
    void redisCommands() {
        try (Client client = Client.connect(server.address()).await();
             SharedClient shared = SharedClient.connect(server.address()).await();
             Subscriber listener = Client.connect(server.address()).await().subscribe("visits").await()) {
            assertThat(visit(client, "/home").await()).isEqualTo(1);
            assertThat(visit(shared, "/about").await()).isEqualTo(1);
            assertThat(client.getString("last-visit").await()).contains("/about");
            assertThat(listener.messages().map(Message::contentUtf8).take(2).toList().await())
                    .containsExactly("/home", "/about");
        }
    }

    @AsyncTest
    void redisErrorException() {
        try (Client client = Client.connect(server.address()).await()) {
            String code = null;
            String text = null;
            try {
                client.set("greeting", "hello", Duration.ofMillis(Long.MAX_VALUE)).await();
            } catch (RedisErrorException e) {
                code = e.code();          // "ERR"
                text = e.getMessage();    // "ERR invalid expire time in 'set' command"
            }
            assertThat(code).isEqualTo("ERR");
            assertThat(text).isEqualTo("ERR invalid expire time in 'set' command");
        }
    }

    @AsyncTest
    void subscriberAndMessage() {
        try (Client publisher = Client.connect(server.address()).await()) {
            Client client = Client.connect(server.address()).await();
            List<String> printed = new ArrayList<>();

            Subscriber subscriber = client.subscribe("news", "weather").await();
            publisher.publish("news", "extra").await();
            publisher.publish("weather", "sunny").await();
            Optional<Message> next;
            while ((next = subscriber.nextMessage().await()).isPresent()) {   // empty once the server closes
                Message message = next.get();
                printed.add(message.channel() + ": " + message.contentUtf8());
                if (printed.size() == 2) {
                    subscriber.close();   // here, instead of the server: the next call returns empty
                }
            }
            assertThat(printed).containsExactly("news: extra", "weather: sunny");
        }
    }

    @AsyncTest
    void message() {
        try (Client publisher = Client.connect(server.address()).await();
             Subscriber subscriber = Client.connect(server.address()).await().subscribe("news").await()) {
            publisher.publish("news", "extra").await();
            List<String> printed = new ArrayList<>();

            Optional<Message> next = subscriber.nextMessage().await();
            next.ifPresent(message -> printed.add(message.channel() + ": " + message.contentUtf8()));

            assertThat(printed).containsExactly("news: extra");
        }
    }

    @AsyncTest
    void subscriberMessages() {
        try (Client publisher = Client.connect(server.address()).await();
             Subscriber subscriber = Client.connect(server.address()).await().subscribe("words").await()) {
            publisher.publish("words", "one").await();
            publisher.publish("words", "two").await();

            List<String> firstTwo = subscriber.messages()
                    .map(Message::contentUtf8)
                    .take(2)
                    .toList()
                    .await();

            assertThat(firstTwo).containsExactly("one", "two");
        }
    }

    @AsyncTest(timeoutMillis = 60_000)
    void sharedClient() {
        InetSocketAddress address = server.address();

        SharedClient shared = SharedClient.connect(address).await();
        try (TaskScope scope = TaskScope.open()) {
            for (int i = 0; i < 100; i++) {
                SharedClient handle = shared.newHandle();
                String key = "key-" + i;
                scope.fork(Async.run(() -> {
                    try (handle) {
                        handle.set(key, "value").await();
                    }
                }));
            }
            scope.join().await();
        } finally {
            shared.close();   // the last handle: the connection closes once the queue is served
        }

        try (Client check = Client.connect(address).await()) {
            assertThat(check.del("key-0", "key-99", "key-100").await()).isEqualTo(2);
        }
    }

    @Test
    void blockingClient() {
        try (BlockingClient client = BlockingClient.connect("127.0.0.1", server.port())) {
            client.set("hello", "world");
            Optional<String> value = client.getString("hello");   // Optional[world]
            assertThat(value).contains("world");
        }
    }

    @Test
    void blockingSubscriber() {
        try (BlockingClient publisher = BlockingClient.connect(server.address())) {
            CompletableFuture<Void> publishing = CompletableFuture.runAsync(() -> {
                while (publisher.publish("news", "extra") == 0) {
                    Thread.onSpinWait();   // until the subscriber below has subscribed
                }
            });

            try (BlockingSubscriber subscriber = BlockingClient.connect("127.0.0.1", server.port()).subscribe("news")) {
                Optional<Message> next = subscriber.nextMessage();   // blocks until a message or the end
                assertThat(next.map(Message::contentUtf8)).contains("extra");
            }
            publishing.join();
        }
    }

    @Test
    void cliMain() {
        StringWriter out = new StringWriter();
        var commandLine = CliMain.commandLine().setOut(new PrintWriter(out, true));
        String port = Integer.toString(server.port());

        int exitCode = commandLine.execute("--port", port, "set", "hello", "world");   // prints OK

        assertThat(exitCode).isZero();
        assertThat(out.toString()).isEqualTo("OK\n");
    }
}
