package dev.weft.sync.tests;

import dev.weft.Async;
import dev.weft.Weft;
import dev.weft.sync.ChannelClosedException;
import dev.weft.sync.Mpsc;
import dev.weft.sync.ReceiveResult;
import dev.weft.sync.SendResult;
import dev.weft.task.JoinHandle;
import dev.weft.test.AsyncTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.weft.test.AsyncAssertions.assertPending;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The operations of {@link Mpsc} channels, bounded and unbounded, on every flavour. */
class MpscTest {

    @AsyncTest(everyFlavor = true)
    void send_thenReceive_deliversTheItemsInOrder() {
        Mpsc.Channel<Integer> channel = Mpsc.bounded(10);
        for (int i = 0; i < 10; i++) {
            channel.sender().send(i).await();
        }
        for (int i = 0; i < 10; i++) {
            assertThat(channel.receiver().receive().await()).contains(i);
        }
    }

    @AsyncTest(everyFlavor = true)
    void receive_waitsUntilAnItemIsSent() {
        Mpsc.Channel<String> channel = Mpsc.unbounded();
        JoinHandle<Optional<String>> receiving = Weft.spawn(channel.receiver().receive());
        Waiting.untilParked(receiving);

        channel.sender().send("late").await();

        assertThat(receiving.await()).contains("late");
    }

    @AsyncTest(everyFlavor = true)
    void trySend_whenFull_returnsFullWithTheItem() {
        Mpsc.Channel<String> channel = Mpsc.bounded(1);
        assertThat(channel.sender().trySend("a")).isEqualTo(SendResult.sent());

        SendResult<String> full = channel.sender().trySend("b");

        assertThat(full).isEqualTo(new SendResult.Full<>("b"));
        assertThat(full.item()).isEqualTo("b");
        assertThat(channel.receiver().tryReceive()).isEqualTo(new ReceiveResult.Received<>("a"));
    }

    @AsyncTest(everyFlavor = true)
    void trySend_afterTheReceiverClosed_returnsClosedWithTheItem() {
        Mpsc.Channel<String> channel = Mpsc.unbounded();
        channel.receiver().close();

        assertThat(channel.sender().trySend("x")).isEqualTo(new SendResult.Closed<>("x"));
        assertThat(channel.sender().isClosed()).isTrue();
    }

    @AsyncTest(everyFlavor = true)
    void unboundedChannel_isNeverFull() {
        Mpsc.Channel<Integer> channel = Mpsc.unbounded();
        for (int i = 0; i < 100_000; i++) {
            assertThat(channel.sender().trySend(i).isSent()).isTrue();
        }
        assertThat(channel.sender().capacity()).isEqualTo(Integer.MAX_VALUE);
        assertThat(channel.sender().maxCapacity()).isEqualTo(Integer.MAX_VALUE);
    }

    @AsyncTest(everyFlavor = true)
    void send_whenFull_waitsUntilTheReceiverMakesRoom() {
        Mpsc.Channel<String> channel = Mpsc.bounded(1);
        channel.sender().send("first").await();
        JoinHandle<Void> second = Weft.spawn(channel.sender().send("second"));
        Waiting.untilParked(second);

        assertThat(channel.receiver().receive().await()).contains("first");

        second.await();
        assertThat(channel.receiver().receive().await()).contains("second");
    }

    @AsyncTest
    void waitingSenders_areServedInTheOrderTheyStartedWaiting() {
        Mpsc.Channel<Integer> channel = Mpsc.bounded(1);
        channel.sender().send(0).await();
        List<JoinHandle<Void>> senders = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            senders.add(Weft.spawn(channel.sender().send(i)));
            Waiting.untilParked(senders.get(i - 1));
        }

        List<Integer> received = new ArrayList<>();
        for (int i = 0; i <= 5; i++) {
            received.add(channel.receiver().receive().await().orElseThrow());
        }

        assertThat(received).containsExactly(0, 1, 2, 3, 4, 5);
    }

    @AsyncTest(everyFlavor = true)
    void trySend_doesNotOvertakeAWaitingSender() {
        Mpsc.Channel<String> channel = Mpsc.bounded(1);
        channel.sender().send("a").await();
        JoinHandle<Void> waiting = Weft.spawn(channel.sender().send("b"));
        Waiting.untilParked(waiting);

        assertThat(channel.receiver().receive().await()).contains("a");

        assertThat(channel.sender().trySend("c")).isEqualTo(new SendResult.Full<>("c"));
        waiting.await();
        assertThat(channel.receiver().receive().await()).contains("b");
    }

    @AsyncTest(everyFlavor = true)
    void send_afterTheReceiverClosed_throwsChannelClosed() {
        Mpsc.Channel<String> channel = Mpsc.bounded(4);
        channel.receiver().close();

        assertThatThrownBy(() -> channel.sender().send("x").await()).isInstanceOf(ChannelClosedException.class);
    }

    @AsyncTest(everyFlavor = true)
    void waitingSend_failsWhenTheReceiverCloses() {
        Mpsc.Channel<String> channel = Mpsc.bounded(1);
        channel.sender().send("a").await();
        JoinHandle<Void> waiting = Weft.spawn(channel.sender().send("b"));
        Waiting.untilParked(waiting);

        channel.receiver().close();

        assertThatThrownBy(waiting::await).isInstanceOf(ChannelClosedException.class);
        assertThat(channel.receiver().receive().await()).contains("a");
        assertThat(channel.receiver().receive().await()).isEmpty();
    }

    @AsyncTest(everyFlavor = true)
    void receive_afterEverySenderClosed_returnsTheBufferedItemsThenEmpty() {
        Mpsc.Channel<Integer> channel = Mpsc.bounded(8);
        Mpsc.Sender<Integer> second = channel.sender().newSender();
        channel.sender().send(1).await();
        second.send(2).await();
        channel.sender().close();
        assertThat(channel.receiver().isClosed()).isFalse();
        second.close();

        assertThat(channel.receiver().isClosed()).isTrue();
        assertThat(channel.receiver().receive().await()).contains(1);
        assertThat(channel.receiver().receive().await()).contains(2);
        assertThat(channel.receiver().receive().await()).isEmpty();
        assertThat(channel.receiver().tryReceive()).isEqualTo(ReceiveResult.disconnected());
    }

    @AsyncTest(everyFlavor = true)
    void closingTheLastSender_wakesAWaitingReceiver() {
        Mpsc.Channel<String> channel = Mpsc.unbounded();
        Mpsc.Sender<String> other = channel.sender().newSender();
        JoinHandle<Optional<String>> receiving = Weft.spawn(channel.receiver().receive());
        Waiting.untilParked(receiving);

        channel.sender().close();
        assertPending(receiving);
        other.close();

        assertThat(receiving.await()).isEmpty();
    }

    @AsyncTest(everyFlavor = true)
    void closingTheReceiver_stopsSends_butLetsTheBufferedItemsBeReceived() {
        Mpsc.Channel<String> channel = Mpsc.unbounded();
        channel.sender().send("kept").await();

        channel.receiver().close();

        assertThat(channel.receiver().isClosed()).isTrue();
        assertThat(channel.sender().trySend("refused").isSent()).isFalse();
        assertThat(channel.receiver().receive().await()).contains("kept");
        assertThat(channel.receiver().receive().await()).isEmpty();
    }

    @AsyncTest(everyFlavor = true)
    void tryReceive_reportsEmpty_thenTheItem_thenDisconnected() {
        Mpsc.Channel<String> channel = Mpsc.bounded(2);
        assertThat(channel.receiver().tryReceive()).isEqualTo(ReceiveResult.empty());

        channel.sender().trySend("x");
        ReceiveResult<String> received = channel.receiver().tryReceive();
        assertThat(received.isReceived()).isTrue();
        assertThat(received.value()).isEqualTo("x");

        channel.sender().close();
        assertThat(channel.receiver().tryReceive()).isEqualTo(ReceiveResult.disconnected());
    }

    @AsyncTest(everyFlavor = true)
    void receiveMany_movesUpToTheLimit_oldestFirst() {
        Mpsc.Channel<Integer> channel = Mpsc.bounded(10);
        for (int i = 0; i < 7; i++) {
            channel.sender().trySend(i);
        }
        List<Integer> into = new ArrayList<>(List.of(-1));

        assertThat(channel.receiver().receiveMany(into, 5).await()).isEqualTo(5);
        assertThat(channel.receiver().receiveMany(into, 5).await()).isEqualTo(2);

        assertThat(into).containsExactly(-1, 0, 1, 2, 3, 4, 5, 6);
        assertThat(channel.sender().capacity()).isEqualTo(10);
    }

    @AsyncTest(everyFlavor = true)
    void receiveMany_waitsForAnItem_andReturnsZeroAtTheEnd() {
        Mpsc.Channel<Integer> channel = Mpsc.unbounded();
        List<Integer> into = new ArrayList<>();
        JoinHandle<Integer> receiving = Weft.spawn(channel.receiver().receiveMany(into, 10));
        Waiting.untilParked(receiving);

        channel.sender().send(42).await();
        assertThat(receiving.await()).isEqualTo(1);
        channel.sender().close();

        assertThat(channel.receiver().receiveMany(into, 10).await()).isZero();
        assertThat(into).containsExactly(42);
    }

    @Test
    void receiveMany_withALimitBelowOne_isRejected() {
        Mpsc.Channel<Integer> channel = Mpsc.unbounded();
        assertThatThrownBy(() -> channel.receiver().receiveMany(new ArrayList<>(), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("limit <= 0: 0");
    }

    @AsyncTest(everyFlavor = true)
    void capacity_countsTheRoomLeft() {
        Mpsc.Channel<Integer> channel = Mpsc.bounded(3);
        assertThat(channel.sender().maxCapacity()).isEqualTo(3);

        channel.sender().send(1).await();
        channel.sender().send(2).await();
        assertThat(channel.sender().capacity()).isEqualTo(1);

        channel.receiver().receive().await();
        assertThat(channel.sender().capacity()).isEqualTo(2);
    }

    @AsyncTest(everyFlavor = true)
    void reserve_holdsRoom_andThePermitSendsWithoutWaiting() {
        Mpsc.Channel<String> channel = Mpsc.bounded(1);
        Mpsc.Permit<String> permit = channel.sender().reserve().await();

        assertThat(channel.sender().capacity()).isZero();
        assertThat(channel.sender().trySend("other").isSent()).isFalse();
        permit.send("reserved");

        assertThat(channel.receiver().receive().await()).contains("reserved");
        assertThatThrownBy(() -> permit.send("again")).isInstanceOf(IllegalStateException.class);
    }

    @AsyncTest(everyFlavor = true)
    void closingAnUnusedPermit_givesTheRoomBack() {
        Mpsc.Channel<String> channel = Mpsc.bounded(1);
        try (Mpsc.Permit<String> unused = channel.sender().reserve().await()) {
            assertThat(channel.sender().capacity()).isZero();
        }

        assertThat(channel.sender().capacity()).isEqualTo(1);
        assertThat(channel.sender().trySend("x").isSent()).isTrue();
    }

    @AsyncTest(everyFlavor = true)
    void reserve_whenFull_waitsForRoom() {
        Mpsc.Channel<String> channel = Mpsc.bounded(1);
        channel.sender().send("a").await();
        JoinHandle<Void> reserving = Weft.spawn(Async.run(() -> channel.sender().reserve().await().send("b")));
        Waiting.untilParked(reserving);

        assertThat(channel.receiver().receive().await()).contains("a");

        reserving.await();
        assertThat(channel.receiver().receive().await()).contains("b");
    }

    @AsyncTest(everyFlavor = true)
    void anOutstandingPermit_keepsTheStreamOpen_untilItIsUsed() {
        Mpsc.Channel<String> channel = Mpsc.bounded(4);
        Mpsc.Permit<String> permit = channel.sender().reserve().await();
        channel.sender().close();
        JoinHandle<Optional<String>> receiving = Weft.spawn(channel.receiver().receive());
        assertPending(receiving);

        permit.send("last");

        assertThat(receiving.await()).contains("last");
        assertThat(channel.receiver().receive().await()).isEmpty();
    }

    @AsyncTest(everyFlavor = true)
    void closingAnOutstandingPermit_endsTheStreamOfAWaitingReceiver() {
        Mpsc.Channel<String> channel = Mpsc.bounded(4);
        Mpsc.Permit<String> permit = channel.sender().reserve().await();
        channel.sender().close();
        JoinHandle<Optional<String>> receiving = Weft.spawn(channel.receiver().receive());
        Waiting.untilParked(receiving);

        permit.close();

        assertThat(receiving.await()).isEmpty();
    }

    @AsyncTest(everyFlavor = true)
    void aClosedSender_refusesEveryOperation() {
        Mpsc.Channel<String> channel = Mpsc.bounded(2);
        Mpsc.Sender<String> sender = channel.sender();
        sender.close();
        sender.close();

        assertThat(sender.isClosed()).isTrue();
        assertThatThrownBy(() -> sender.trySend("x")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> sender.send("x").await()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> sender.reserve().await()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(sender::newSender).isInstanceOf(IllegalStateException.class);
    }

    @AsyncTest(everyFlavor = true)
    void aSecondPendingReceive_isRefused() {
        Mpsc.Channel<String> channel = Mpsc.unbounded();
        JoinHandle<Optional<String>> first = Weft.spawn(channel.receiver().receive());
        Waiting.untilParked(first);

        assertThatThrownBy(() -> channel.receiver().receive().await())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("one task at a time");

        channel.sender().send("for the first").await();
        assertThat(first.await()).contains("for the first");
    }

    @AsyncTest(everyFlavor = true)
    void stream_deliversEveryItem_andEndsWithTheChannel() {
        Mpsc.Channel<Integer> channel = Mpsc.bounded(2);
        JoinHandle<List<Integer>> collecting = Weft.spawn(channel.receiver().stream().toList());
        for (int i = 0; i < 10; i++) {
            channel.sender().send(i).await();
        }
        channel.sender().close();

        assertThat(collecting.await()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    void preconditions_sayTheRuleAndTheValue() {
        assertThatThrownBy(() -> Mpsc.bounded(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("capacity <= 0: 0");
        Mpsc.Channel<String> channel = Mpsc.unbounded();
        assertThatThrownBy(() -> channel.sender().send(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> channel.sender().trySend(null)).isInstanceOf(NullPointerException.class);
    }
}
