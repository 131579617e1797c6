package dev.weft.sync.tests;

import dev.weft.Async;
import dev.weft.AsyncException;
import dev.weft.Weft;
import dev.weft.task.JoinHandle;
import dev.weft.test.AsyncAssertions;
import dev.weft.test.AsyncTest;
import dev.weft.time.Moment;
import dev.weft.time.Time;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Async.join, tryJoin and race: the select machinery awaiting all, all-or-first-failure, or the first. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SelectJoinAndRaceTest {

    private static final Duration AN_HOUR = Duration.ofHours(1);

    /** An operation Weft cannot poll in place (it runs as a child task) that sleeps, then returns. */
    private static <T> Async<T> childSleepingThen(Duration duration, T value) {
        return Async.of(() -> {
            Time.sleep(duration).await();
            return value;
        });
    }

    /** A child-task operation that sleeps an hour; its finally block sets {@code unwound}. */
    private static Async<String> childSleepingAnHour(AtomicBoolean unwound) {
        return Async.of(() -> {
            try {
                Time.sleep(AN_HOUR).await();
                return "late";
            } finally {
                unwound.set(true);
            }
        });
    }

    private static Duration since(Moment start) {
        return Time.now().durationSince(start);
    }

    @AsyncTest(startPaused = true)
    void join_ofPollableOperations_runsThemConcurrently_andReturnsBothValues() {
        Moment start = Time.now();
        Async.Pair<String, Integer> both = Async.join(
                Time.sleep(AN_HOUR).map(ignored -> "a"),
                Time.sleep(AN_HOUR).map(ignored -> 2)).await();
        assertThat(both).isEqualTo(new Async.Pair<>("a", 2));
        assertThat(since(start)).isEqualTo(AN_HOUR);
    }

    @AsyncTest(startPaused = true)
    void join_ofChildTaskOperations_runsThemConcurrently() {
        Moment start = Time.now();
        Async.Triple<String, Integer, Boolean> all = Async.join(
                childSleepingThen(AN_HOUR, "a"),
                childSleepingThen(AN_HOUR, 2),
                childSleepingThen(AN_HOUR, true)).await();
        assertThat(all).isEqualTo(new Async.Triple<>("a", 2, true));
        assertThat(since(start)).isEqualTo(AN_HOUR);
    }

    @AsyncTest(everyFlavor = true)
    void joinAll_returnsTheValuesInArgumentOrder_nullsIncluded() {
        List<String> values = Async.joinAll(List.of(
                childSleepingThen(Duration.ofMillis(3), "slow"),
                Async.<String>completed(null),
                Time.sleep(Duration.ZERO).map(ignored -> "ready"))).await();
        assertThat(values).containsExactly("slow", null, "ready");
        assertThat(Async.joinAll(List.<Async<String>>of()).await()).isEmpty();
    }

    @AsyncTest(startPaused = true)
    void join_whenOneFails_stillAwaitsTheOthers_thenThrowsTheFirstFailure() {
        Moment start = Time.now();
        AtomicBoolean otherFinished = new AtomicBoolean();
        Async<Void> failsAtOnce = Async.run(() -> {
            throw new IllegalStateException("first");
        });
        Async<Void> failsLater = Time.sleep(AN_HOUR).map(ignored -> {
            otherFinished.set(true);
            throw new IllegalArgumentException("second");
        });
        assertThatThrownBy(() -> Async.join(failsAtOnce, failsLater).await())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("first")
                .satisfies(failure -> assertThat(failure.getSuppressed()).singleElement()
                        .isInstanceOf(IllegalArgumentException.class));
        assertThat(otherFinished).isTrue();
        assertThat(since(start)).isEqualTo(AN_HOUR);
    }

    @AsyncTest(startPaused = true)
    void tryJoin_theFirstFailure_cancelsTheOthers_whichHaveUnwoundBeforeItIsThrown() {
        Moment start = Time.now();
        AtomicBoolean unwound = new AtomicBoolean();
        Async<Void> failsAfterASecond = Time.sleep(Duration.ofSeconds(1)).map(ignored -> {
            throw new IllegalStateException("broken");
        });
        assertThatThrownBy(() -> Async.tryJoin(childSleepingAnHour(unwound), failsAfterASecond).await())
                .isInstanceOf(IllegalStateException.class).hasMessage("broken");
        assertThat(unwound).isTrue();
        assertThat(since(start)).isEqualTo(Duration.ofSeconds(1));
    }

    @AsyncTest(everyFlavor = true)
    void tryJoin_withoutFailures_returnsEveryValue() {
        assertThat(Async.tryJoin(childSleepingThen(Duration.ofMillis(2), 1), Async.completed(2)).await())
                .isEqualTo(new Async.Pair<>(1, 2));
        assertThat(Async.tryJoin(Async.completed(1), Async.completed(2), Async.completed(3)).await())
                .isEqualTo(new Async.Triple<>(1, 2, 3));
        assertThat(Async.tryJoinAll(List.of(Async.completed(1), Async.completed(2))).await()).containsExactly(1, 2);
    }

    @AsyncTest(everyFlavor = true)
    void race_theFirstToComplete_wins_andTheOthersHaveUnwoundBeforeItReturns() {
        AtomicBoolean unwound = new AtomicBoolean();
        HandoffQueue<String> signal = new HandoffQueue<>();
        Async<String> startsThenSleeps = Async.of(() -> {
            signal.send("started");
            return childSleepingAnHour(unwound).await();
        });
        String winner = Async.race(startsThenSleeps, signal.receive()).await();
        assertThat(winner).isEqualTo("started");
        assertThat(unwound).isTrue();
    }

    @AsyncTest(startPaused = true)
    void race_aFailureThatComesFirst_isThrown() {
        Async<String> failsAfterASecond = Time.sleep(Duration.ofSeconds(1)).map(ignored -> {
            throw new IllegalStateException("lost");
        });
        assertThatThrownBy(() -> Async.race(Time.sleep(AN_HOUR).map(ignored -> "slow"), failsAfterASecond).await())
                .isInstanceOf(IllegalStateException.class).hasMessage("lost");
    }

    @AsyncTest(everyFlavor = true)
    void race_readyTogether_theEarliestArgumentWins() {
        Async<Integer> zero = Time.sleep(Duration.ZERO).map(ignored -> 0);
        Async<Integer> one = Time.sleep(Duration.ZERO).map(ignored -> 1);
        for (int i = 0; i < 100; i++) {
            assertThat(Async.race(List.of(zero, one)).await()).isZero();
        }
    }

    @AsyncTest
    void race_ofNothing_isRejected() {
        assertThatThrownBy(() -> Async.race(List.<Async<String>>of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no operations");
        assertThatThrownBy(() -> Async.race(Arrays.asList(Async.completed(1), null)))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("operation 1");
    }

    @AsyncTest(everyFlavor = true)
    void cancellingATaskThatJoins_cancelsEveryOperation_andTheyUnwindBeforeItEnds() {
        AtomicBoolean unwound = new AtomicBoolean();
        HandoffQueue<String> started = new HandoffQueue<>();
        HandoffQueue<String> never = new HandoffQueue<>();
        JoinHandle<Async.Pair<String, String>> joining = Weft.spawn(Async.join(
                Async.of(() -> {
                    started.send("started");
                    return childSleepingAnHour(unwound).await();
                }),
                never.receive()));
        started.receive().await();
        joining.abort();
        AsyncAssertions.assertCancelled(joining);
        assertThat(unwound).isTrue();
        never.send("kept");
        assertThat(never.queued()).isEqualTo(1);
    }

    @AsyncTest(everyFlavor = true)
    void checkedFailuresOfChildTaskOperations_areWrapped() {
        Async<String> checked = Async.of(() -> {
            throw new IOException("disk");
        });
        assertThatThrownBy(() -> Async.race(checked, Time.sleep(AN_HOUR).map(ignored -> "slow")).await())
                .isInstanceOf(AsyncException.class)
                .hasRootCauseInstanceOf(IOException.class);
    }
}
