package dev.weft.sync.tests;

import dev.weft.Async;
import dev.weft.Weft;
import dev.weft.sync.Broadcast;
import dev.weft.sync.Lagged;
import dev.weft.sync.ReceiveResult;
import dev.weft.task.CancelledException;
import dev.weft.task.JoinHandle;
import dev.weft.test.AsyncTest;
import dev.weft.time.Elapsed;
import dev.weft.time.Time;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The operations of {@link Broadcast} channels, including lag, on every flavour. */
class BroadcastTest {

    @AsyncTest(everyFlavor = true)
    void everyReceiver_seesEveryValueSentAfterItSubscribed() {
        Broadcast.Channel<Integer> channel = Broadcast.create(8);
        Broadcast.Receiver<Integer> early = channel.receiver();
        channel.sender().send(1);
        Broadcast.Receiver<Integer> late = channel.sender().subscribe();
        channel.sender().send(2);
        channel.sender().close();

        assertThat(drain(early)).containsExactly(1, 2);
        assertThat(drain(late)).containsExactly(2);
    }

    @AsyncTest(everyFlavor = true)
    void send_returnsTheNumberOfReceivers_andDropsTheValueWhenThereIsNone() {
        Broadcast.Channel<String> channel = Broadcast.create(4);
        Broadcast.Receiver<String> second = channel.sender().subscribe();
        assertThat(channel.sender().receiverCount()).isEqualTo(2);
        assertThat(channel.sender().send("to two")).isEqualTo(2);

        channel.receiver().close();
        second.close();

        assertThat(channel.sender().receiverCount()).isZero();
        assertThat(channel.sender().send("to nobody")).isZero();
    }

    @AsyncTest(everyFlavor = true)
    void receive_waitsForTheNextValue() {
        Broadcast.Channel<String> channel = Broadcast.create(4);
        Broadcast.Receiver<String> second = channel.sender().subscribe();
        JoinHandle<Optional<String>> first = Weft.spawn(channel.receiver().receive());
        JoinHandle<Optional<String>> other = Weft.spawn(second.receive());
        Waiting.untilParked(first);
        Waiting.untilParked(other);

        channel.sender().send("news");

        assertThat(first.await()).contains("news");
        assertThat(other.await()).contains("news");
    }

    @AsyncTest(everyFlavor = true)
    void aSlowReceiver_isToldHowManyValuesItMissed_thenContinuesWithTheOldestKept() {
        Broadcast.Channel<Integer> channel = Broadcast.create(3);
        for (int i = 0; i < 10; i++) {
            channel.sender().send(i);
        }

        assertThatThrownBy(() -> channel.receiver().receive().await()).isInstanceOfSatisfying(Lagged.class,
                lagged -> assertThat(lagged.skipped()).isEqualTo(7));
        assertThat(channel.receiver().receive().await()).contains(7);
        assertThat(channel.receiver().receive().await()).contains(8);
        assertThat(channel.receiver().receive().await()).contains(9);
        assertThat(channel.receiver().tryReceive()).isEqualTo(ReceiveResult.empty());
    }

    @AsyncTest(everyFlavor = true)
    void lag_isCountedPerReceiver() {
        Broadcast.Channel<Integer> channel = Broadcast.create(2);
        Broadcast.Receiver<Integer> keepsUp = channel.sender().subscribe();
        Broadcast.Receiver<Integer> slow = channel.receiver();
        for (int i = 0; i < 5; i++) {
            channel.sender().send(i);
            assertThat(keepsUp.receive().await()).contains(i);
        }

        assertThatThrownBy(slow::tryReceive).isInstanceOfSatisfying(Lagged.class,
                lagged -> assertThat(lagged.skipped()).isEqualTo(3));
        assertThat(slow.tryReceive().value()).isEqualTo(3);
    }

    @AsyncTest(everyFlavor = true)
    void lateSubscribers_andResubscribe_startAtTheNextValue() {
        Broadcast.Channel<String> channel = Broadcast.create(4);
        channel.sender().send("old");
        Broadcast.Receiver<String> resubscribed = channel.receiver().resubscribe();
        channel.sender().send("new");

        assertThat(resubscribed.receive().await()).contains("new");
        assertThat(channel.receiver().receive().await()).contains("old");
    }

    @AsyncTest(everyFlavor = true)
    void closingEverySender_endsTheStreamAfterTheValuesKept() {
        Broadcast.Channel<String> channel = Broadcast.create(4);
        Broadcast.Sender<String> other = channel.sender().newSender();
        JoinHandle<List<String>> receiving = Weft.spawn(Async.of(() -> drain(channel.receiver())));
        channel.sender().send("a");
        channel.sender().close();
        other.send("b");
        other.close();

        assertThat(receiving.await()).containsExactly("a", "b");
        assertThat(channel.receiver().tryReceive()).isEqualTo(ReceiveResult.disconnected());
    }

    @AsyncTest(startPaused = true)
    void receive_cancelledByATimeout_doesNotMoveTheReceiverOn() {
        Broadcast.Channel<String> channel = Broadcast.create(4);

        assertThatThrownBy(() -> Time.timeout(Duration.ofSeconds(1), channel.receiver().receive()).await())
                .isInstanceOf(Elapsed.class);
        channel.sender().send("after");

        assertThat(channel.receiver().receive().await()).contains("after");
    }

    @AsyncTest(everyFlavor = true)
    void abortedReceive_leavesNoWaiterBehind() {
        Broadcast.Channel<String> channel = Broadcast.create(4);
        JoinHandle<Optional<String>> receiving = Weft.spawn(channel.receiver().receive());
        Waiting.untilParked(receiving);
        receiving.abort();
        assertThatThrownBy(receiving::await).isInstanceOf(CancelledException.class);

        channel.sender().send("x");

        assertThat(channel.receiver().receive().await()).contains("x");
    }

    @AsyncTest(startPaused = true)
    void receiveWithADeadline_returnsEmpty_whenNothingCameInTime() {
        Broadcast.Channel<String> channel = Broadcast.create(4);

        assertThat(channel.receiver().receive(Duration.ofSeconds(1)).await()).isEqualTo(ReceiveResult.empty());
        channel.sender().send("x");
        assertThat(channel.receiver().receive(Duration.ofSeconds(1)).await())
                .isEqualTo(new ReceiveResult.Received<>("x"));
    }

    @AsyncTest(everyFlavor = true)
    void manySubscribers_eachReceiveEveryValue() {
        Broadcast.Channel<Integer> channel = Broadcast.create(100);
        List<JoinHandle<Long>> receivers = new ArrayList<>();
        for (int r = 0; r < 100; r++) {
            Broadcast.Receiver<Integer> receiver = channel.sender().subscribe();
            receivers.add(Weft.spawn(Async.of(() -> {
                long sum = 0;
                for (int value : drain(receiver)) {
                    sum += value;
                }
                return sum;
            })));
        }
        channel.receiver().close();
        for (int i = 0; i < 100; i++) {
            channel.sender().send(i);
        }
        channel.sender().close();

        for (JoinHandle<Long> receiver : receivers) {
            assertThat(receiver.await()).isEqualTo(4_950);
        }
    }

    @AsyncTest(everyFlavor = true)
    void closedHandles_areRefused() {
        Broadcast.Channel<String> channel = Broadcast.create(4);
        channel.receiver().close();

        assertThatThrownBy(() -> channel.receiver().tryReceive()).isInstanceOf(IllegalStateException.class);
        channel.sender().close();
        assertThatThrownBy(() -> channel.sender().send("x")).isInstanceOf(IllegalStateException.class);
    }

    @AsyncTest(everyFlavor = true)
    void stream_endsWhenEverySenderCloses_andThrowsLaggedWhenBehind() {
        Broadcast.Channel<Integer> channel = Broadcast.create(2);
        Broadcast.Receiver<Integer> slow = channel.sender().subscribe();
        JoinHandle<List<Integer>> collecting = Weft.spawn(channel.receiver().stream().toList());
        Waiting.untilParked(collecting);
        channel.sender().send(1);
        Waiting.untilParked(collecting);
        channel.sender().send(2);
        channel.sender().send(3);
        channel.sender().close();

        assertThatThrownBy(() -> slow.stream().next().await()).isInstanceOf(Lagged.class);
        assertThat(slow.stream().toList().await()).containsExactly(2, 3);
        assertThat(collecting.await()).containsExactly(1, 2, 3);
    }

    @Test
    @Timeout(10)
    void blockingReceive_onAPlatformThread() throws Exception {
        Broadcast.Channel<Integer> channel = Broadcast.create(1_000);
        List<Integer> received = new ArrayList<>();
        Thread receiver = Thread.ofPlatform().start(() -> {
            try {
                Optional<Integer> value;
                while ((value = channel.receiver().blockingReceive()).isPresent()) {
                    received.add(value.get());
                }
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        });
        for (int i = 0; i < 500; i++) {
            channel.sender().send(i);
        }
        channel.sender().close();
        receiver.join();

        assertThat(received).hasSize(500).isSorted();
    }

    @Test
    void preconditions_sayTheRuleAndTheValue() {
        assertThatThrownBy(() -> Broadcast.create(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("capacity <= 0: 0");
        assertThatThrownBy(() -> new Lagged(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("skipped <= 0: 0");
        assertThatThrownBy(() -> Broadcast.<String>create(1).sender().send(null))
                .isInstanceOf(NullPointerException.class);
    }

    private static <T> List<T> drain(Broadcast.Receiver<T> receiver) {
        List<T> values = new ArrayList<>();
        Optional<T> value;
        while ((value = receiver.receive().await()).isPresent()) {
            values.add(value.get());
        }
        return values;
    }
}
