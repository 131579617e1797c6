package dev.weft.sync.tests;

import dev.weft.Async;
import dev.weft.Weft;
import dev.weft.runtime.AsyncRuntime;
import dev.weft.stream.AsyncStream;
import dev.weft.sync.Select;
import dev.weft.task.JoinHandle;
import dev.weft.task.TaskState;
import dev.weft.test.AsyncAssertions;
import dev.weft.test.AsyncTest;
import dev.weft.test.EveryFlavor;
import dev.weft.test.RuntimeFlavor;
import dev.weft.time.Time;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Select: which branch wins, else, and what happens to the branches that lose. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SelectTest {

    private static final Duration AN_HOUR = Duration.ofHours(1);

    /** A pollable operation that is ready at once with {@code value}. */
    private static Async<Integer> ready(int value) {
        return Time.sleep(Duration.ZERO).map(ignored -> value);
    }

    /**
     * An operation Weft cannot poll (it runs as a child task): it says it has started on {@code started},
     * then sleeps an hour; its finally block sets {@code unwound}.
     */
    private static Async<String> childThatNeverFinishes(HandoffQueue<String> started, AtomicBoolean unwound) {
        return Async.of(() -> {
            try {
                started.send("started");
                Time.sleep(AN_HOUR).await();
                return "slow";
            } finally {
                unwound.set(true);
            }
        });
    }

    private static List<Integer> winnersOfFairSelects(RuntimeFlavor flavor, long seed, int rounds) {
        try (AsyncRuntime runtime = flavor.builder().seed(seed).build()) {
            return runtime.blockOn(Async.of(() -> {
                Async<Integer> select = Select.<Integer>builder()
                        .on(ready(0), v -> v).on(ready(1), v -> v).on(ready(2), v -> v)
                        .fair();
                List<Integer> winners = new ArrayList<>();
                for (int i = 0; i < rounds; i++) {
                    winners.add(select.await());
                }
                return winners;
            }));
        }
    }

    @AsyncTest(everyFlavor = true)
    void biased_branchesReadyTogether_theFirstDeclaredAlwaysWins() {
        Async<Integer> select = Select.<Integer>builder()
                .on(ready(0), v -> v).on(ready(1), v -> v).on(ready(2), v -> v)
                .biased();
        for (int i = 0; i < 1_000; i++) {
            assertThat(select.await()).isZero();
        }
    }

    @AsyncTest(everyFlavor = true)
    void biased_whenTheFirstBranchIsReady_laterBranchesAreNeverStarted() {
        AtomicBoolean secondStarted = new AtomicBoolean();
        String winner = Select.<String>builder()
                .on(ready(1), v -> "first")
                .on(Async.run(() -> secondStarted.set(true)), v -> "second")
                .biased()
                .await();
        assertThat(winner).isEqualTo("first");
        Time.sleep(Duration.ofMillis(5)).await();
        assertThat(secondStarted).isFalse();
    }

    @AsyncTest(everyFlavor = true)
    void biased_aPendingFirstBranch_letsALaterReadyOneWin() {
        String winner = Select.<String>builder()
                .on(Time.sleep(AN_HOUR), v -> "sleeper")
                .on(ready(2), v -> "ready")
                .biased()
                .await();
        assertThat(winner).isEqualTo("ready");
    }

    @EveryFlavor
    void fair_branchesReadyTogether_eachWinsAboutAsOften_andASeedRepeatsTheSequence(RuntimeFlavor flavor) {
        List<Integer> winners = winnersOfFairSelects(flavor, 42, 3_000);
        int[] wins = new int[3];
        winners.forEach(winner -> wins[winner]++);
        for (int branch = 0; branch < 3; branch++) {
            assertThat(wins[branch]).as("wins of branch %d (seed 42): %s", branch, wins).isBetween(800, 1_200);
        }
        assertThat(winnersOfFairSelects(flavor, 42, 3_000)).as("same seed, same winners").isEqualTo(winners);
        assertThat(winnersOfFairSelects(flavor, 43, 3_000)).as("another seed, other winners").isNotEqualTo(winners);
    }

    @AsyncTest(everyFlavor = true)
    void orElse_runsWhenEveryBranchIsDisabled_andNoDisabledOperationStarts() {
        AtomicBoolean started = new AtomicBoolean();
        String outcome = Select.<String>builder()
                .onIf(false, Async.run(() -> started.set(true)), v -> "disabled")
                .onIf(false, ready(1), v -> "also disabled")
                .orElse(() -> "else")
                .fair()
                .await();
        assertThat(outcome).isEqualTo("else");
        Time.sleep(Duration.ofMillis(5)).await();
        assertThat(started).isFalse();
    }

    @AsyncTest(everyFlavor = true)
    void orElse_doesNotRunWhileABranchIsEnabled() {
        String outcome = Select.<String>builder()
                .onIf(false, ready(1), v -> "disabled")
                .on(Time.sleep(Duration.ofMillis(1)), v -> "timer")
                .orElse(() -> "else")
                .biased()
                .await();
        assertThat(outcome).isEqualTo("timer");
    }

    @AsyncTest(everyFlavor = true)
    void everyBranchDisabled_withoutElse_throwsIllegalState() {
        Async<String> select = Select.<String>builder().onIf(false, ready(1), v -> "disabled").fair();
        assertThatThrownBy(select::await).isInstanceOf(IllegalStateException.class).hasMessageContaining("else");
    }

    @AsyncTest(everyFlavor = true)
    void onPresent_anEndedStream_disablesItsBranch_andTheSelectWaitsForTheOthers() {
        String outcome = Select.<String>builder()
                .onPresent(AsyncStream.<String>empty().next(), v -> "stream " + v)
                .on(Time.sleep(Duration.ofMillis(1)), v -> "timer")
                .fair()
                .await();
        assertThat(outcome).isEqualTo("timer");
    }

    @AsyncTest(everyFlavor = true)
    void onPresent_whenEveryStreamEnded_theElseBranchRuns() {
        String outcome = Select.<String>builder()
                .onPresent(AsyncStream.<String>empty().next(), v -> "first " + v)
                .onPresent(AsyncStream.<String>empty().next(), v -> "second " + v)
                .orElse(() -> "all ended")
                .fair()
                .await();
        assertThat(outcome).isEqualTo("all ended");
    }

    @AsyncTest(everyFlavor = true)
    void onPresent_aValue_isHandedToTheHandlerUnwrapped() {
        String outcome = Select.<String>builder()
                .onPresent(AsyncStream.of("x").next(), v -> "got " + v)
                .fair()
                .await();
        assertThat(outcome).isEqualTo("got x");
    }

    @AsyncTest(everyFlavor = true)
    void losingChildTask_hasUnwound_beforeTheHandlerRuns_andBeforeSelectReturns() {
        HandoffQueue<String> started = new HandoffQueue<>();
        AtomicBoolean unwound = new AtomicBoolean();
        AtomicBoolean unwoundWhenHandled = new AtomicBoolean();
        String outcome = Select.<String>builder()
                .on(childThatNeverFinishes(started, unwound), v -> v)
                .on(started.receive(), signal -> {
                    unwoundWhenHandled.set(unwound.get());
                    return signal;
                })
                .fair()
                .await();
        assertThat(outcome).isEqualTo("started");
        assertThat(unwoundWhenHandled).as("the loser's finally ran before the handler").isTrue();
    }

    @AsyncTest(startPaused = true)
    void losingSleep_leavesNoTimerBehind(AsyncRuntime runtime) {
        int outcome = Select.<Integer>builder()
                .on(Time.sleep(AN_HOUR), v -> 0)
                .on(Time.sleep(Duration.ofSeconds(1)), v -> 1)
                .fair()
                .await();
        assertThat(outcome).isEqualTo(1);
        assertThat(runtime.metrics().pendingTimers()).isZero();
    }

    @AsyncTest(everyFlavor = true)
    void aFailingBranch_winsWithItsFailure_afterTheLosersUnwound() {
        HandoffQueue<String> started = new HandoffQueue<>();
        AtomicBoolean unwound = new AtomicBoolean();
        AtomicBoolean handlerRan = new AtomicBoolean();
        Async<String> select = Select.<String>builder()
                .on(childThatNeverFinishes(started, unwound), v -> v)
                .on(started.receive().map(signal -> {
                    throw new IllegalStateException("broken after " + signal);
                }), v -> {
                    handlerRan.set(true);
                    return "unreachable";
                })
                .biased();
        assertThatThrownBy(select::await).isInstanceOf(IllegalStateException.class).hasMessage("broken after started");
        assertThat(unwound).isTrue();
        assertThat(handlerRan).isFalse();
    }

    @AsyncTest(everyFlavor = true)
    void cancellingTheSelectingTask_cancelsEveryBranch_andTheyUnwindBeforeItEnds() {
        HandoffQueue<String> started = new HandoffQueue<>();
        AtomicBoolean unwound = new AtomicBoolean();
        HandoffQueue<String> never = new HandoffQueue<>();
        JoinHandle<String> selecting = Weft.spawn(Select.<String>builder()
                .on(childThatNeverFinishes(started, unwound), v -> v)
                .on(never.receive(), v -> v)
                .on(Time.sleep(AN_HOUR), v -> "timer")
                .fair());
        assertThat(started.receive().await()).isEqualTo("started");
        selecting.abort();
        AsyncAssertions.assertCancelled(selecting);
        assertThat(unwound).as("the child branch unwound before the selecting task ended").isTrue();
        never.send("kept");
        assertThat(never.queued()).as("the abandoned receive took nothing").isEqualTo(1);
    }

    @AsyncTest(everyFlavor = true)
    void aReceiveHandedAnItem_thatLosesTheSelect_givesItBack(RuntimeFlavor flavor) {
        HandoffQueue<String> left = new HandoffQueue<>();
        HandoffQueue<String> right = new HandoffQueue<>();
        JoinHandle<String> selecting = Weft.spawn(Select.<String>builder()
                .on(left.receive(), v -> "left " + v)
                .on(right.receive(), v -> "right " + v)
                .biased());
        awaitParked(selecting);
        left.send("a");
        right.send("b");
        String outcome = selecting.await();
        if (flavor == RuntimeFlavor.CURRENT_THREAD) {
            // the selecting task cannot run between the two sends: both receives were handed an item
            assertThat(outcome).isEqualTo("left a");
            assertThat(right.givenBack()).isEqualTo(1);
        } else {
            assertThat(outcome).isIn("left a", "right b");
        }
        assertThat(left.queued() + right.queued()).as("the loser's item is back in its queue").isEqualTo(1);
        String rest = left.queued() == 1 ? left.receive().await() : right.receive().await();
        assertThat(rest).isIn("a", "b");
    }

    /** Waits (bounded) until the task is parked: for a select, after it registered with every branch. */
    private static void awaitParked(JoinHandle<?> task) {
        for (int i = 0; i < 10_000 && task.info().state() != TaskState.WAITING; i++) {
            Time.sleep(Duration.ofMillis(1)).await();
        }
        assertThat(task.info().state()).isEqualTo(TaskState.WAITING);
    }

    @AsyncTest(everyFlavor = true)
    void aJoinHandleBranch_thatLoses_leavesItsTaskRunning() {
        JoinHandle<String> task = Weft.spawn(Time.sleep(AN_HOUR).map(ignored -> "late"));
        String outcome = Select.<String>builder()
                .on(task, v -> v)
                .on(ready(1), v -> "ready")
                .biased()
                .await();
        assertThat(outcome).isEqualTo("ready");
        AsyncAssertions.assertPending(task);
        task.abort();
    }

    @AsyncTest(everyFlavor = true)
    void aJoinHandleBranch_winsWithTheTasksValue() {
        JoinHandle<Integer> task = Weft.spawn(Async.of(() -> 6 * 7));
        int outcome = Select.<Integer>builder()
                .on(Time.sleep(AN_HOUR), v -> 0)
                .on(task, v -> v)
                .fair()
                .await();
        assertThat(outcome).isEqualTo(42);
    }

    @AsyncTest(everyFlavor = true)
    void aChildTaskBranch_winsWithItsValue() {
        int outcome = Select.<Integer>builder()
                .on(Time.sleep(AN_HOUR), v -> 0)
                .on(Async.of(() -> {
                    Weft.yieldNow().await();
                    return 7;
                }), v -> v * 6)
                .fair()
                .await();
        assertThat(outcome).isEqualTo(42);
    }

    @AsyncTest(everyFlavor = true)
    void aSelectBuiltOnce_canBeAwaitedAgain_eachTimeStartingItsBranchesAnew() {
        HandoffQueue<Integer> queue = new HandoffQueue<>();
        queue.send(1);
        queue.send(2);
        AtomicInteger timeouts = new AtomicInteger();
        Async<Optional<Integer>> next = Select.<Optional<Integer>>builder()
                .on(queue.receive(), Optional::of)
                .on(Time.sleep(Duration.ofMillis(1)), v -> {
                    timeouts.incrementAndGet();
                    return Optional.empty();
                })
                .biased();
        assertThat(next.await()).contains(1);
        assertThat(next.await()).contains(2);
        assertThat(next.await()).isEmpty();
        assertThat(timeouts).hasValue(1);
    }

    @AsyncTest(everyFlavor = true)
    void exactlyOneHandlerRuns_perSelect() {
        AtomicInteger handled = new AtomicInteger();
        for (int i = 0; i < 200; i++) {
            Select.<Integer>builder()
                    .on(ready(0), v -> handled.incrementAndGet())
                    .on(ready(1), v -> handled.incrementAndGet())
                    .on(Async.of(() -> 1), v -> handled.incrementAndGet())
                    .fair()
                    .await();
        }
        assertThat(handled).hasValue(200);
    }
}
