package dev.weft.sync.tests;

import dev.weft.Async;
import dev.weft.Weft;
import dev.weft.sync.ChannelClosedException;
import dev.weft.sync.Oneshot;
import dev.weft.sync.ReceiveResult;
import dev.weft.task.CancelledException;
import dev.weft.task.JoinHandle;
import dev.weft.test.AsyncTest;
import dev.weft.time.Elapsed;
import dev.weft.time.Time;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import static dev.weft.test.AsyncAssertions.assertPending;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The operations of {@link Oneshot} channels, on every flavour. */
class OneshotTest {

    @AsyncTest(everyFlavor = true)
    void receive_returnsTheValueSent() {
        Oneshot.Channel<String> channel = Oneshot.create();

        assertThat(channel.sender().send("reply")).isTrue();

        assertThat(channel.receiver().receive().await()).isEqualTo("reply");
    }

    @AsyncTest(everyFlavor = true)
    void receive_waitsForTheValue() {
        Oneshot.Channel<Integer> channel = Oneshot.create();
        JoinHandle<Integer> receiving = Weft.spawn(channel.receiver().receive());
        Waiting.untilParked(receiving);

        channel.sender().send(42);

        assertThat(receiving.await()).isEqualTo(42);
    }

    @AsyncTest(everyFlavor = true)
    void aNullValue_isAValue() {
        Oneshot.Channel<Void> done = Oneshot.create();

        assertThat(done.sender().send(null)).isTrue();

        assertThat(done.receiver().tryReceive()).isEqualTo(new ReceiveResult.Received<Void>(null));
    }

    @AsyncTest(everyFlavor = true)
    void closingTheSenderWithoutSending_failsTheWaitingReceiver() {
        Oneshot.Channel<String> channel = Oneshot.create();
        JoinHandle<String> receiving = Weft.spawn(channel.receiver().receive());
        Waiting.untilParked(receiving);

        channel.sender().close();

        assertThatThrownBy(receiving::await).isInstanceOf(ChannelClosedException.class)
                .hasMessageContaining("closed without sending");
        assertThat(channel.receiver().tryReceive()).isEqualTo(ReceiveResult.disconnected());
    }

    @AsyncTest(everyFlavor = true)
    void closingTheSenderAfterSending_changesNothing() {
        Oneshot.Channel<String> channel = Oneshot.create();
        try (Oneshot.Sender<String> sender = channel.sender()) {
            sender.send("kept");
        }

        assertThat(channel.receiver().receive().await()).isEqualTo("kept");
    }

    @AsyncTest(everyFlavor = true)
    void send_afterTheReceiverClosed_returnsFalse() {
        Oneshot.Channel<String> channel = Oneshot.create();
        channel.receiver().close();

        assertThat(channel.sender().isClosed()).isTrue();
        assertThat(channel.sender().send("nobody")).isFalse();
        assertThatThrownBy(() -> channel.receiver().receive().await()).isInstanceOf(ChannelClosedException.class);
    }

    @AsyncTest(everyFlavor = true)
    void aValueSentBeforeTheReceiverClosed_canStillBeReceived() {
        Oneshot.Channel<String> channel = Oneshot.create();
        channel.sender().send("sent first");
        channel.receiver().close();

        assertThat(channel.receiver().receive().await()).isEqualTo("sent first");
    }

    @AsyncTest(everyFlavor = true)
    void sendingTwice_isRefused() {
        Oneshot.Channel<String> channel = Oneshot.create();
        channel.sender().send("once");

        assertThatThrownBy(() -> channel.sender().send("twice")).isInstanceOf(IllegalStateException.class);
        assertThat(channel.receiver().receive().await()).isEqualTo("once");
    }

    @AsyncTest(everyFlavor = true)
    void receivingTwice_isRefused_andTryReceiveReportsDisconnected() {
        Oneshot.Channel<String> channel = Oneshot.create();
        channel.sender().send("once");
        channel.receiver().receive().await();

        assertThatThrownBy(() -> channel.receiver().receive().await()).isInstanceOf(IllegalStateException.class);
        assertThat(channel.receiver().tryReceive()).isEqualTo(ReceiveResult.disconnected());
    }

    @AsyncTest(everyFlavor = true)
    void tryReceive_reportsEmptyUntilTheValueIsSent() {
        Oneshot.Channel<String> channel = Oneshot.create();
        assertThat(channel.receiver().tryReceive()).isEqualTo(ReceiveResult.empty());

        channel.sender().send("now");

        assertThat(channel.receiver().tryReceive()).isEqualTo(new ReceiveResult.Received<>("now"));
    }

    @AsyncTest(startPaused = true)
    void receive_cancelledByATimeout_leavesTheValueForTheNextReceive() {
        Oneshot.Channel<String> channel = Oneshot.create();

        assertThatThrownBy(() -> Time.timeout(Duration.ofSeconds(1), channel.receiver().receive()).await())
                .isInstanceOf(Elapsed.class);
        channel.sender().send("late");

        assertThat(channel.receiver().receive().await()).isEqualTo("late");
    }

    @AsyncTest(everyFlavor = true)
    void closed_completesWhenTheReceiverCloses() {
        Oneshot.Channel<String> channel = Oneshot.create();
        JoinHandle<Void> watching = Weft.spawn(channel.sender().closed());
        Waiting.untilParked(watching);
        assertPending(watching);

        channel.receiver().close();

        watching.await();
        assertThat(channel.sender().isClosed()).isTrue();
    }

    @AsyncTest(everyFlavor = true)
    void closed_completesWhenTheValueIsReceived() {
        Oneshot.Channel<String> channel = Oneshot.create();
        channel.sender().send("value");
        JoinHandle<Void> watching = Weft.spawn(channel.sender().closed());

        channel.receiver().receive().await();

        watching.await();
    }

    @AsyncTest(everyFlavor = true)
    void closed_isCancelSafe() {
        Oneshot.Channel<String> channel = Oneshot.create();
        JoinHandle<Void> watching = Weft.spawn(channel.sender().closed());
        Waiting.untilParked(watching);
        watching.abort();
        assertThatThrownBy(watching::await).isInstanceOf(CancelledException.class);

        channel.receiver().close();

        channel.sender().closed().await();
    }

    @AsyncTest(everyFlavor = true)
    void requestReply_overMpscAndOneshot_roundTrips() {
        record Request(int question, Oneshot.Sender<Integer> reply) {
        }
        var requests = dev.weft.sync.Mpsc.<Request>bounded(10);
        JoinHandle<Void> server = Weft.spawn(Async.run(() -> {
            java.util.Optional<Request> request;
            while ((request = requests.receiver().receive().await()).isPresent()) {
                request.get().reply().send(request.get().question() * 2);
            }
        }));
        for (int i = 0; i < 1_000; i++) {
            Oneshot.Channel<Integer> reply = Oneshot.create();
            requests.sender().send(new Request(i, reply.sender())).await();
            assertThat(reply.receiver().receive().await()).isEqualTo(2 * i);
        }
        requests.sender().close();
        server.await();
    }

    @Test
    @Timeout(10)
    void blockingReceive_onAPlatformThread_getsTheValueSentFromAnother() throws Exception {
        Oneshot.Channel<String> channel = Oneshot.create();
        AtomicReference<String> received = new AtomicReference<>();
        Thread receiver = Thread.ofPlatform().start(() -> {
            try {
                received.set(channel.receiver().blockingReceive());
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        });

        Thread.ofPlatform().start(() -> channel.sender().send("across threads")).join();
        receiver.join();

        assertThat(received.get()).isEqualTo("across threads");
    }

    @Test
    void blockingReceive_afterTheSenderClosed_throwsChannelClosed() {
        Oneshot.Channel<String> channel = Oneshot.create();
        channel.sender().close();

        assertThatThrownBy(() -> channel.receiver().blockingReceive()).isInstanceOf(ChannelClosedException.class);
    }
}
