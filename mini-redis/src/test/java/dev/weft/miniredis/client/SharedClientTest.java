package dev.weft.miniredis.client;

import dev.weft.Async;
import dev.weft.Weft;
import dev.weft.miniredis.frame.ProtocolException;
import dev.weft.task.JoinHandle;
import dev.weft.task.TaskScope;
import dev.weft.test.AsyncTest;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link SharedClient}: many tasks through one connection, against each {@link ServerTarget}. */
class SharedClientTest extends AgainstEachServer {

    private static int connectedClients() {
        return Weft.spawnBlocking(() -> RawConnection.connectedClients(server.address())).await();
    }

    /** Polls the server until {@code expected} clients are connected (the count lags a close), within the test's timeout. */
    private static void awaitConnectedClients(int expected) {
        while (connectedClients() != expected) {
            Weft.yieldNow().await();
        }
    }

    @AsyncTest(everyFlavor = true, timeoutMillis = 60_000)
    void aHundredTasks_shareOneConnection_andEachGetsItsOwnReplies() {
        int before = connectedClients();
        try (SharedClient shared = SharedClient.connect(server.address()).await();
             TaskScope scope = TaskScope.open()) {
            assertThat(connectedClients()).isEqualTo(before + 1);
            for (int t = 0; t < 100; t++) {
                SharedClient handle = shared.newHandle();
                String prefix = "shared:" + t + ":";
                scope.fork(Async.run(() -> {
                    try (handle) {
                        for (int i = 0; i < 100; i++) {
                            handle.set(prefix + i, prefix + "value " + i).await();
                            assertThat(handle.getString(prefix + i).await()).contains(prefix + "value " + i);
                        }
                        assertThat(handle.del(prefix + 0, prefix + 1, prefix + "missing").await()).isEqualTo(2);
                    }
                }));
            }
            scope.join().await();
            assertThat(connectedClients()).isEqualTo(before + 1);
        }
    }

    @AsyncTest
    void everyCommand_worksThroughAHandle() {
        try (SharedClient shared = SharedClient.connect(server.address()).await()) {
            assertThat(shared.ping().await()).isEqualTo("PONG");
            assertThat(shared.ping("echo").await()).isEqualTo("echo");
            assertThat(shared.ping(new byte[] {0, -1}).await()).containsExactly(0, -1);
            shared.set("shared:bytes", new byte[] {1, 2}).await();
            shared.set("shared:ttl", "v", Duration.ofHours(1)).await();
            shared.set("shared:ttl-bytes", new byte[] {3}, Duration.ofHours(1)).await();
            assertThat(shared.get("shared:bytes").await()).hasValueSatisfying(value -> assertThat(value).containsExactly(1, 2));
            assertThat(shared.getString("shared:ttl").await()).contains("v");
            assertThat(shared.get("shared:missing").await()).isEmpty();
            assertThat(shared.publish("shared:nobody", "hi").await()).isZero();
            assertThat(shared.publish("shared:nobody", new byte[] {7}).await()).isZero();
        }
    }

    @AsyncTest
    void anErrorReply_failsOnlyItsOwnRequest() {
        try (SharedClient shared = SharedClient.connect(server.address()).await()) {
            JoinHandle<Void> refused = Weft.spawn(shared.set("shared:k", "v", Duration.ofMillis(Long.MAX_VALUE)));
            JoinHandle<Void> accepted = Weft.spawn(shared.set("shared:k", "v"));

            assertThatThrownBy(refused::await).isInstanceOf(RedisErrorException.class)
                    .hasMessage("ERR invalid expire time in 'set' command");
            accepted.await();
            assertThat(shared.getString("shared:k").await()).contains("v");
        }
    }

    @AsyncTest
    void closingEveryHandle_closesTheConnection_afterServingWhatWasQueued() {
        int before = connectedClients();
        SharedClient first = SharedClient.connect(server.address()).await();
        SharedClient second = first.newHandle();
        JoinHandle<Void> queued = Weft.spawn(second.set("shared:last", "served"));
        Weft.yieldNow().await();   // current-thread: the other task runs until it waits for its reply
        first.close();
        second.close();

        queued.await();
        awaitConnectedClients(before);
        assertThat(RawConnection.commandFromTask(server.address(), "GET", "shared:last").await())
                .isEqualTo(dev.weft.miniredis.frame.Frame.bulk("served"));
    }

    @AsyncTest
    void aClosedHandle_refusesRequests_whileOthersGoOn() {
        try (SharedClient shared = SharedClient.connect(server.address()).await()) {
            SharedClient other = shared.newHandle();
            other.close();
            other.close();

            assertThatThrownBy(() -> other.ping().await()).isInstanceOf(IllegalStateException.class)
                    .hasMessage("ping on a closed SharedClient handle");
            assertThatThrownBy(other::newHandle).isInstanceOf(IllegalStateException.class);
            assertThat(shared.ping().await()).isEqualTo("PONG");
        }
    }

    @AsyncTest
    void aClientHandedToASharedClient_refusesRequests() {
        Client client = Client.connect(server.address()).await();
        try (SharedClient shared = SharedClient.start(client, 4)) {
            assertThatThrownBy(() -> client.ping().await()).isInstanceOf(IllegalStateException.class)
                    .hasMessage("ping on a client that was handed to a SharedClient: use that, or connect another client");
            assertThat(shared.ping().await()).isEqualTo("PONG");
        }
    }

    @AsyncTest
    void theServerGoingAway_failsTheRequests_withTheIoFailure() {
        TestServer own = Weft.spawnBlocking(target::start).await();
        try (SharedClient shared = SharedClient.connect(own.address()).await()) {
            assertThat(shared.ping().await()).isEqualTo("PONG");
            Weft.spawnBlocking(() -> {
                own.close();
                return null;
            }).await();

            assertThatThrownBy(() -> shared.ping().await()).isInstanceOf(UncheckedIOException.class)
                    .hasMessageStartingWith("the shared connection failed");
            assertThatThrownBy(() -> shared.ping().await()).isInstanceOf(UncheckedIOException.class)
                    .hasMessageStartingWith("the shared connection failed");
        } finally {
            own.close();
        }
    }

    @AsyncTest
    void aMalformedReply_stopsTheConnection_withTheProtocolFailureAsCause() {
        try (ScriptedPeer.Connected connected = ScriptedPeer.connectClient();
             SharedClient shared = SharedClient.start(connected.client())) {
            JoinHandle<String> ping = Weft.spawn(shared.ping());
            assertThat(connected.peer().nextRequest()).containsExactly("PING");
            connected.peer().send("!\r\n");

            assertThatThrownBy(ping::await).isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("the shared connection failed")
                    .hasCauseInstanceOf(ProtocolException.class);
            assertThatThrownBy(() -> shared.ping().await()).isInstanceOf(IllegalStateException.class)
                    .hasCauseInstanceOf(ProtocolException.class);
        }
    }

    @AsyncTest
    void requestsQueuedWhileOneIsServed_arePipelined_andAnsweredInOrder() {
        try (ScriptedPeer.Connected connected = ScriptedPeer.connectClient();
             SharedClient shared = SharedClient.start(connected.client())) {
            ScriptedPeer peer = connected.peer();
            JoinHandle<String> first = Weft.spawn(shared.ping("first"));
            assertThat(peer.nextRequest()).containsExactly("PING", "first");
            List<JoinHandle<Optional<String>>> waiting = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                waiting.add(Weft.spawn(shared.getString("key" + i)));
            }
            Weft.yieldNow().await();   // current-thread: the five requests are queued while the first is answered

            peer.send("$5\r\nfirst\r\n");
            assertThat(first.await()).isEqualTo("first");
            StringBuilder replies = new StringBuilder();
            for (int i = 0; i < 5; i++) {
                assertThat(peer.nextRequest()).containsExactly("GET", "key" + i);
                replies.append("$6\r\nvalue").append(i).append("\r\n");
            }
            peer.send(replies.toString());
            for (int i = 0; i < 5; i++) {
                assertThat(waiting.get(i).await()).contains("value" + i);
            }
        }
    }
}
