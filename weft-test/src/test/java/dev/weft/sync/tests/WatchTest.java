package dev.weft.sync.tests;

import dev.weft.Async;
import dev.weft.Weft;
import dev.weft.sync.ChannelClosedException;
import dev.weft.sync.Watch;
import dev.weft.task.CancelledException;
import dev.weft.stream.AsyncStream;
import dev.weft.task.JoinHandle;
import dev.weft.test.AsyncTest;
import dev.weft.time.Elapsed;
import dev.weft.time.Time;

import java.time.Duration;
import java.util.Optional;

import static dev.weft.test.AsyncAssertions.assertPending;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The operations of {@link Watch} channels, on every flavour. */
class WatchTest {

    @AsyncTest(everyFlavor = true)
    void borrow_readsTheLatestValue_withoutMarkingItSeen() {
        Watch.Channel<String> channel = Watch.create("v1");
        assertThat(channel.receiver().borrow()).isEqualTo("v1");
        assertThat(channel.receiver().hasChanged()).isFalse();

        channel.sender().send("v2");
        channel.sender().send("v3");

        assertThat(channel.receiver().hasChanged()).isTrue();
        assertThat(channel.receiver().borrow()).isEqualTo("v3");
        assertThat(channel.receiver().hasChanged()).isTrue();
        assertThat(channel.receiver().borrowAndUpdate()).isEqualTo("v3");
        assertThat(channel.receiver().hasChanged()).isFalse();
        assertThat(channel.sender().borrow()).isEqualTo("v3");
    }

    @AsyncTest(everyFlavor = true)
    void changed_waitsForANewerValue_andMarksItSeen() {
        Watch.Channel<Integer> channel = Watch.create(0);
        JoinHandle<Integer> waiting = Weft.spawn(Async.of(() -> {
            channel.receiver().changed().await();
            return channel.receiver().borrow();
        }));
        Waiting.untilParked(waiting);

        channel.sender().send(1);

        assertThat(waiting.await()).isEqualTo(1);
        assertThat(channel.receiver().hasChanged()).isFalse();
    }

    @AsyncTest(everyFlavor = true)
    void changed_completesAtOnce_whenAnUnseenValueIsPresent() {
        Watch.Channel<Integer> channel = Watch.create(0);
        channel.sender().send(1);

        channel.receiver().changed().await();

        assertThat(channel.receiver().hasChanged()).isFalse();
    }

    @AsyncTest(everyFlavor = true)
    void changed_failsOnceTheSenderClosed_butReportsTheLastValueFirst() {
        Watch.Channel<String> channel = Watch.create("a");
        channel.sender().send("last");
        channel.sender().close();

        assertThat(channel.receiver().isClosed()).isTrue();
        channel.receiver().changed().await();
        assertThat(channel.receiver().borrow()).isEqualTo("last");
        assertThatThrownBy(() -> channel.receiver().changed().await()).isInstanceOf(ChannelClosedException.class);
    }

    @AsyncTest(everyFlavor = true)
    void closingTheSender_wakesWaitingReceivers() {
        Watch.Channel<String> channel = Watch.create("a");
        JoinHandle<Void> waiting = Weft.spawn(channel.receiver().changed());
        Waiting.untilParked(waiting);

        channel.sender().close();

        assertThatThrownBy(waiting::await).isInstanceOf(ChannelClosedException.class);
    }

    @AsyncTest(everyFlavor = true)
    void waitFor_returnsTheFirstValueThatMatches() {
        Watch.Channel<Integer> channel = Watch.create(0);
        JoinHandle<Integer> waiting = Weft.spawn(channel.receiver().waitFor(value -> value >= 3));
        for (int i = 1; i <= 5; i++) {
            channel.sender().send(i);
            Weft.yieldNow().await();
        }

        assertThat(waiting.await()).isBetween(3, 5);
    }

    @AsyncTest(everyFlavor = true)
    void waitFor_testsTheCurrentValueFirst_evenIfSeen() {
        Watch.Channel<String> channel = Watch.create("ready");

        assertThat(channel.receiver().waitFor("ready"::equals).await()).isEqualTo("ready");
    }

    @AsyncTest(everyFlavor = true)
    void waitFor_failsWhenTheSenderClosesFirst() {
        Watch.Channel<String> channel = Watch.create("a");
        JoinHandle<String> waiting = Weft.spawn(channel.receiver().waitFor("never"::equals));
        Waiting.untilParked(waiting);

        channel.sender().send("b");
        channel.sender().close();

        assertThatThrownBy(waiting::await).isInstanceOf(ChannelClosedException.class);
    }

    @AsyncTest(everyFlavor = true)
    void send_withNoReceiver_storesNothing_butSendReplaceDoes() {
        Watch.Channel<String> channel = Watch.create("a");
        Watch.Receiver<String> later = channel.sender().subscribe();
        assertThat(channel.sender().receiverCount()).isEqualTo(2);
        channel.receiver().close();
        later.close();

        assertThat(channel.sender().send("b")).isFalse();
        assertThat(channel.sender().borrow()).isEqualTo("a");
        assertThat(channel.sender().sendReplace("c")).isEqualTo("a");
        assertThat(channel.sender().borrow()).isEqualTo("c");
    }

    @AsyncTest(everyFlavor = true)
    void sendModify_updatesFromTheCurrentValue_andNotifies() {
        Watch.Channel<Integer> channel = Watch.create(10);
        JoinHandle<Void> waiting = Weft.spawn(channel.receiver().changed());
        Waiting.untilParked(waiting);

        channel.sender().sendModify(value -> value + 1);

        waiting.await();
        assertThat(channel.receiver().borrow()).isEqualTo(11);
    }

    @AsyncTest(everyFlavor = true)
    void aSubscriber_hasSeenTheValueCurrentAtItsCreation() {
        Watch.Channel<String> channel = Watch.create("a");
        channel.sender().send("b");
        Watch.Receiver<String> subscriber = channel.sender().subscribe();

        assertThat(subscriber.hasChanged()).isFalse();
        assertThat(channel.receiver().hasChanged()).isTrue();
        JoinHandle<Void> waiting = Weft.spawn(subscriber.changed());
        assertPending(waiting);
        channel.sender().send("c");
        waiting.await();
    }

    @AsyncTest(startPaused = true)
    void changed_cancelledByATimeout_marksNothingSeen() {
        Watch.Channel<String> channel = Watch.create("a");

        assertThatThrownBy(() -> Time.timeout(Duration.ofSeconds(1), channel.receiver().changed()).await())
                .isInstanceOf(Elapsed.class);
        channel.sender().send("b");

        assertThat(channel.receiver().hasChanged()).isTrue();
        channel.receiver().changed().await();
        assertThat(channel.receiver().hasChanged()).isFalse();
    }

    @AsyncTest(everyFlavor = true)
    void abortedChanged_leavesNoWaiterBehind() {
        Watch.Channel<String> channel = Watch.create("a");
        JoinHandle<Void> waiting = Weft.spawn(channel.receiver().changed());
        Waiting.untilParked(waiting);
        waiting.abort();
        assertThatThrownBy(waiting::await).isInstanceOf(CancelledException.class);

        channel.sender().send("b");

        channel.receiver().changed().await();
        assertThat(channel.receiver().borrow()).isEqualTo("b");
    }

    @AsyncTest(everyFlavor = true)
    void aNullValue_isAValue() {
        Watch.Channel<String> channel = Watch.create(null);

        channel.sender().send(null);

        assertThat(channel.receiver().hasChanged()).isTrue();
        assertThat(channel.receiver().borrowAndUpdate()).isNull();
    }

    @AsyncTest(everyFlavor = true)
    void changes_deliverTheCurrentValue_thenEachChange_andEndWithTheSender() {
        Watch.Channel<Integer> channel = Watch.create(1);
        AsyncStream<Integer> changes = channel.receiver().changes();

        assertThat(changes.next().await()).contains(1);
        JoinHandle<Optional<Integer>> waiting = Weft.spawn(changes.next());
        Waiting.untilParked(waiting);
        channel.sender().send(2);
        assertThat(waiting.await()).contains(2);
        channel.sender().send(3);
        channel.sender().send(4);
        channel.sender().close();

        assertThat(changes.next().await()).contains(4);
        assertThat(changes.next().await()).isEmpty();
    }

    @AsyncTest(startPaused = true)
    void changes_nextCancelledByATimeout_marksNothingSeen() {
        Watch.Channel<String> channel = Watch.create("a");
        AsyncStream<String> changes = channel.receiver().changes();
        assertThat(changes.next().await()).contains("a");

        assertThatThrownBy(() -> Time.timeout(Duration.ofSeconds(1), changes.next()).await())
                .isInstanceOf(Elapsed.class);
        channel.sender().send("b");

        assertThat(changes.next().await()).contains("b");
    }

    @AsyncTest(everyFlavor = true)
    void aClosedSender_refusesToSend() {
        Watch.Channel<String> channel = Watch.create("a");
        channel.sender().close();

        assertThatThrownBy(() -> channel.sender().send("b")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> channel.sender().sendModify(v -> v)).isInstanceOf(IllegalStateException.class);
    }
}
