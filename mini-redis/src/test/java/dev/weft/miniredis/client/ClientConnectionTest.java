package dev.weft.miniredis.client;

import dev.weft.Weft;
import dev.weft.miniredis.frame.ProtocolException;
import dev.weft.task.JoinHandle;
import dev.weft.test.AsyncTest;
import dev.weft.time.Elapsed;
import dev.weft.time.Time;
import org.junit.jupiter.api.Timeout;

import java.io.EOFException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What {@link Client} does when requests overlap, are cancelled, or the peer misbehaves: checked against a
 * {@link ScriptedPeer} that holds replies back and sends exactly the bytes each case needs. Timeouts run
 * on the paused clock, which jumps to the deadline as soon as every task waits.
 */
@Timeout(60)
class ClientConnectionTest {

    private static final Duration MOMENT = Duration.ofMillis(100);

    @AsyncTest(everyFlavor = true)
    void aSecondRequest_whileOneIsInProgress_throwsIllegalState() {
        try (ScriptedPeer.Connected connected = ScriptedPeer.connectClient()) {
            Client client = connected.client();
            JoinHandle<Optional<String>> first = Weft.spawn(client.getString("a"));
            assertThat(connected.peer().nextRequest()).containsExactly("GET", "a");

            assertThatThrownBy(() -> client.getString("b").await())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("get was called while another operation was in progress");

            connected.peer().send("$1\r\nA\r\n");
            assertThat(first.await()).contains("A");
        }
    }

    @AsyncTest(startPaused = true)
    void aRequestCancelledAfterItWasSent_hasItsReplyDropped_andTheNextGetsItsOwn() {
        try (ScriptedPeer.Connected connected = ScriptedPeer.connectClient()) {
            Client client = connected.client();
            assertThatThrownBy(() -> Time.timeout(MOMENT, client.getString("a")).await()).isInstanceOf(Elapsed.class);
            assertThat(connected.peer().nextRequest()).containsExactly("GET", "a");

            JoinHandle<Optional<String>> next = Weft.spawn(client.getString("b"));
            assertThat(connected.peer().nextRequest()).containsExactly("GET", "b");
            connected.peer().send("$1\r\nA\r\n$1\r\nB\r\n");

            assertThat(next.await()).contains("B");
        }
    }

    @AsyncTest(startPaused = true)
    void aReplyCancelledHalfWayThrough_isDroppedWhole() {
        try (ScriptedPeer.Connected connected = ScriptedPeer.connectClient()) {
            Client client = connected.client();
            JoinHandle<Optional<String>> cancelled = Weft.spawn(Time.timeout(MOMENT, client.getString("a")));
            assertThat(connected.peer().nextRequest()).containsExactly("GET", "a");
            connected.peer().send("$5\r\nAA");   // part of the reply; the rest comes after the timeout
            assertThatThrownBy(cancelled::await).isInstanceOf(Elapsed.class);

            JoinHandle<Optional<String>> next = Weft.spawn(client.getString("b"));
            assertThat(connected.peer().nextRequest()).containsExactly("GET", "b");
            connected.peer().send("AAA\r\n$1\r\nB\r\n");

            assertThat(next.await()).contains("B");
        }
    }

    @AsyncTest(startPaused = true, timeoutMillis = 30_000)
    void aRequestCancelledPartWritten_isCompletedFirst_andOneCancelledBeforeWriting_isWithdrawn() {
        byte[] large = new byte[32 * 1024 * 1024];   // more than the socket buffers hold: the write blocks
        try (ScriptedPeer.Connected connected = ScriptedPeer.connectClient()) {
            Client client = connected.client();
            assertThatThrownBy(() -> Time.timeout(MOMENT, client.set("large", large)).await()).isInstanceOf(Elapsed.class);
            assertThatThrownBy(() -> Time.timeout(MOMENT, client.set("withdrawn", "never sent")).await())
                    .isInstanceOf(Elapsed.class);

            JoinHandle<Optional<String>> next = Weft.spawn(client.getString("b"));
            List<String> first = connected.peer().nextRequest();
            assertThat(first).hasSize(3).startsWith("SET", "large");
            assertThat(first.get(2)).hasSize(large.length);
            assertThat(connected.peer().nextRequest()).containsExactly("GET", "b");
            connected.peer().send("+OK\r\n$1\r\nB\r\n");

            assertThat(next.await()).contains("B");
        }
    }

    @AsyncTest
    void theServerClosingTheConnection_failsTheRequest_andLaterRequestsNameTheFailure() {
        try (ScriptedPeer.Connected connected = ScriptedPeer.connectClient()) {
            Client client = connected.client();
            JoinHandle<String> ping = Weft.spawn(client.ping());
            assertThat(connected.peer().nextRequest()).containsExactly("PING");
            connected.peer().close();

            assertThatThrownBy(ping::await).isInstanceOf(UncheckedIOException.class)
                    .hasCauseInstanceOf(EOFException.class)
                    .hasMessageContaining("the server closed the connection");
            assertThatThrownBy(() -> client.ping().await()).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("the connection of this Client failed")
                    .hasCauseInstanceOf(UncheckedIOException.class);
        }
    }

    @AsyncTest
    void theServerClosingInsideAReply_isAnEofFailure() {
        try (ScriptedPeer.Connected connected = ScriptedPeer.connectClient()) {
            JoinHandle<Optional<String>> get = Weft.spawn(connected.client().getString("a"));
            connected.peer().nextRequest();
            connected.peer().send("$10\r\nonly");
            connected.peer().close();

            assertThatThrownBy(get::await).isInstanceOf(UncheckedIOException.class)
                    .hasCauseInstanceOf(EOFException.class)
                    .hasMessageContaining("inside a reply, after 9 bytes of it");
        }
    }

    @AsyncTest
    void aMalformedReply_isAProtocolException_andClosesTheConnection() {
        try (ScriptedPeer.Connected connected = ScriptedPeer.connectClient()) {
            Client client = connected.client();
            JoinHandle<String> ping = Weft.spawn(client.ping());
            connected.peer().nextRequest();
            connected.peer().send("?what\r\n");

            assertThatThrownBy(ping::await).isInstanceOf(ProtocolException.class)
                    .hasMessage("Protocol error, got '?' as reply type byte");
            assertThat(connected.peer().nextRequest()).as("the client closed the connection").isNull();
            assertThatThrownBy(() -> client.ping().await()).isInstanceOf(IllegalStateException.class)
                    .hasCauseInstanceOf(ProtocolException.class);
        }
    }

    @AsyncTest
    void aReplyOfTheWrongKind_isAProtocolException() {
        try (ScriptedPeer.Connected connected = ScriptedPeer.connectClient()) {
            JoinHandle<Optional<String>> get = Weft.spawn(connected.client().getString("a"));
            connected.peer().nextRequest();
            connected.peer().send(":1\r\n");

            assertThatThrownBy(get::await).isInstanceOf(ProtocolException.class)
                    .hasMessage("unexpected reply to GET: Integer[value=1]");
        }
    }

    @AsyncTest
    void everyRequest_isSentAsRedisExpectsIt() {
        try (ScriptedPeer.Connected connected = ScriptedPeer.connectClient()) {
            Client client = connected.client();
            ScriptedPeer peer = connected.peer();

            JoinHandle<Void> set = Weft.spawn(client.set("k", "v", Duration.ofNanos(1_500_001)));
            assertThat(peer.nextRequest()).containsExactly("SET", "k", "v", "PX", "2");
            peer.send("+OK\r\n");
            set.await();

            JoinHandle<Long> del = Weft.spawn(client.del("a", "b"));
            assertThat(peer.nextRequest()).containsExactly("DEL", "a", "b");
            peer.send(":2\r\n");
            assertThat(del.await()).isEqualTo(2);

            JoinHandle<Long> publish = Weft.spawn(client.publish("news", "hi"));
            assertThat(peer.nextRequest()).containsExactly("PUBLISH", "news", "hi");
            peer.send(":3\r\n");
            assertThat(publish.await()).isEqualTo(3);

            JoinHandle<String> ping = Weft.spawn(client.ping("echo"));
            assertThat(peer.nextRequest()).containsExactly("PING", "echo");
            peer.send("$4\r\necho\r\n");
            assertThat(ping.await()).isEqualTo("echo");
        }
    }
}
