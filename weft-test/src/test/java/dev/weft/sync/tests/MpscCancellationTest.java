package dev.weft.sync.tests;

import dev.weft.Async;
import dev.weft.Weft;
import dev.weft.sync.Mpsc;
import dev.weft.sync.ReceiveResult;
import dev.weft.sync.SendResult;
import dev.weft.task.CancelledException;
import dev.weft.task.JoinHandle;
import dev.weft.test.AsyncTest;
import dev.weft.time.Elapsed;
import dev.weft.time.Time;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What cancelled {@link Mpsc} operations leave behind: a receive cancelled by a timeout or an abort has
 * taken nothing, a send has sent nothing and gives up its place, and a slot handed to a sender that is
 * cancelled before it runs goes to the next one. Also the operations with a deadline.
 */
class MpscCancellationTest {

    @AsyncTest(startPaused = true)
    void receive_cancelledByATimeout_losesNoMessage() {
        Mpsc.Channel<String> channel = Mpsc.unbounded();

        assertThatThrownBy(() -> Time.timeout(Duration.ofMillis(10), channel.receiver().receive()).await())
                .isInstanceOf(Elapsed.class);
        channel.sender().send("after the timeout").await();

        assertThat(channel.receiver().receive().await()).contains("after the timeout");
    }

    @AsyncTest(everyFlavor = true)
    void receive_cancelledByARealTimeout_losesNoMessage() {
        Mpsc.Channel<Integer> channel = Mpsc.bounded(4);
        for (int round = 0; round < 20; round++) {
            assertThatThrownBy(() -> Time.timeout(Duration.ofMillis(1), channel.receiver().receive()).await())
                    .isInstanceOf(Elapsed.class);
            channel.sender().send(round).await();
            assertThat(channel.receiver().receive().await()).contains(round);
        }
    }

    @AsyncTest(everyFlavor = true)
    void abortedReceive_losesNoMessage() {
        Mpsc.Channel<String> channel = Mpsc.unbounded();
        JoinHandle<Optional<String>> receiving = Weft.spawn(channel.receiver().receive());
        Waiting.untilParked(receiving);

        receiving.abort();
        assertThatThrownBy(receiving::await).isInstanceOf(CancelledException.class);
        channel.sender().send("kept").await();

        assertThat(channel.receiver().tryReceive()).isEqualTo(new ReceiveResult.Received<>("kept"));
    }

    @AsyncTest(startPaused = true)
    void send_cancelledWhileWaitingForRoom_hasNotSentItsItem() {
        Mpsc.Channel<String> channel = Mpsc.bounded(1);
        channel.sender().send("a").await();

        assertThatThrownBy(() -> Time.timeout(Duration.ofMillis(10), channel.sender().send("b")).await())
                .isInstanceOf(Elapsed.class);

        assertThat(channel.receiver().receive().await()).contains("a");
        assertThat(channel.receiver().tryReceive()).isEqualTo(ReceiveResult.empty());
        assertThat(channel.sender().capacity()).isEqualTo(1);
    }

    @AsyncTest(everyFlavor = true)
    void abortedWaitingSender_givesUpItsPlaceInTheQueue() {
        Mpsc.Channel<String> channel = Mpsc.bounded(1);
        channel.sender().send("first").await();
        JoinHandle<Void> aborted = Weft.spawn(channel.sender().send("aborted"));
        Waiting.untilParked(aborted);
        JoinHandle<Void> next = Weft.spawn(channel.sender().send("next"));
        Waiting.untilParked(next);

        aborted.abort();
        assertThatThrownBy(aborted::await).isInstanceOf(CancelledException.class);

        assertThat(channel.receiver().receive().await()).contains("first");
        next.await();
        assertThat(channel.receiver().receive().await()).contains("next");
        assertThat(channel.receiver().tryReceive()).isEqualTo(ReceiveResult.empty());
    }

    @AsyncTest
    void aSlotHandedToASenderCancelledBeforeItRuns_goesToTheNextSender() {
        Mpsc.Channel<String> channel = Mpsc.bounded(1);
        channel.sender().send("first").await();
        JoinHandle<Void> handedTheSlot = Weft.spawn(channel.sender().send("never sent"));
        Waiting.untilParked(handedTheSlot);
        JoinHandle<Void> next = Weft.spawn(channel.sender().send("next"));
        Waiting.untilParked(next);

        assertThat(channel.receiver().receive().await()).contains("first");
        handedTheSlot.abort();

        assertThatThrownBy(handedTheSlot::await).isInstanceOf(CancelledException.class);
        next.await();
        assertThat(channel.receiver().receive().await()).contains("next");
        assertThat(channel.receiver().tryReceive()).isEqualTo(ReceiveResult.empty());
    }

    @AsyncTest
    void aSlotHandedToAReservationCancelledBeforeItRuns_returnsToTheChannel() {
        Mpsc.Channel<String> channel = Mpsc.bounded(1);
        channel.sender().send("first").await();
        JoinHandle<Mpsc.Permit<String>> reserving = Weft.spawn(channel.sender().reserve());
        Waiting.untilParked(reserving);

        assertThat(channel.receiver().receive().await()).contains("first");
        reserving.abort();

        assertThatThrownBy(reserving::await).isInstanceOf(CancelledException.class);
        assertThat(channel.sender().capacity()).isEqualTo(1);
        assertThat(channel.sender().trySend("again").isSent()).isTrue();
    }

    @AsyncTest(startPaused = true)
    void sendWithADeadline_returnsSent_whenThereIsRoom() {
        Mpsc.Channel<String> channel = Mpsc.bounded(1);

        assertThat(channel.sender().send("x", Duration.ofSeconds(1)).await()).isEqualTo(SendResult.sent());
        assertThat(channel.receiver().tryReceive().value()).isEqualTo("x");
    }

    @AsyncTest(startPaused = true)
    void sendWithADeadline_returnsFullWithTheItem_whenNoRoomCameInTime() {
        Mpsc.Channel<String> channel = Mpsc.bounded(1);
        channel.sender().send("a").await();

        SendResult<String> result = channel.sender().send("b", Duration.ofSeconds(1)).await();

        assertThat(result).isEqualTo(new SendResult.Full<>("b"));
        assertThat(channel.sender().capacity()).isZero();
    }

    @AsyncTest(startPaused = true)
    void sendWithADeadline_sends_whenRoomComesBeforeTheDeadline() {
        Mpsc.Channel<String> channel = Mpsc.bounded(1);
        channel.sender().send("a").await();
        JoinHandle<SendResult<String>> sending = Weft.spawn(channel.sender().send("b", Duration.ofSeconds(10)));
        Time.sleep(Duration.ofSeconds(1)).await();

        assertThat(channel.receiver().receive().await()).contains("a");

        assertThat(sending.await()).isEqualTo(SendResult.sent());
        assertThat(channel.receiver().receive().await()).contains("b");
    }

    @AsyncTest(startPaused = true)
    void sendWithADeadline_returnsClosedWithTheItem_whenTheReceiverCloses() {
        Mpsc.Channel<String> channel = Mpsc.bounded(1);
        channel.sender().send("a").await();
        JoinHandle<SendResult<String>> sending = Weft.spawn(channel.sender().send("b", Duration.ofSeconds(10)));
        Time.sleep(Duration.ofSeconds(1)).await();

        channel.receiver().close();

        assertThat(sending.await()).isEqualTo(new SendResult.Closed<>("b"));
    }

    @AsyncTest(startPaused = true)
    void receiveWithADeadline_returnsEmpty_whenNothingCameInTime() {
        Mpsc.Channel<String> channel = Mpsc.unbounded();

        assertThat(channel.receiver().receive(Duration.ofSeconds(1)).await()).isEqualTo(ReceiveResult.empty());
        channel.sender().send("later").await();
        assertThat(channel.receiver().receive().await()).contains("later");
    }

    @AsyncTest(startPaused = true)
    void receiveWithADeadline_returnsTheItem_orDisconnectedAtTheEnd() {
        Mpsc.Channel<String> channel = Mpsc.unbounded();
        JoinHandle<ReceiveResult<String>> receiving = Weft.spawn(channel.receiver().receive(Duration.ofSeconds(10)));
        Time.sleep(Duration.ofSeconds(1)).await();

        channel.sender().send("in time").await();
        assertThat(receiving.await()).isEqualTo(new ReceiveResult.Received<>("in time"));

        channel.sender().close();
        assertThat(channel.receiver().receive(Duration.ofSeconds(1)).await()).isEqualTo(ReceiveResult.disconnected());
    }

    @AsyncTest
    void deadlineOperations_validateTheirDurationWhenCalled() {
        Mpsc.Channel<String> channel = Mpsc.unbounded();

        assertThatThrownBy(() -> channel.sender().send("x", Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> channel.receiver().receive(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Weft.spawn(Async.of(() -> channel.receiver().tryReceive())).await())
                .isEqualTo(ReceiveResult.empty());
    }
}
