package dev.weft.runtime.tests;

import dev.weft.Async;
import dev.weft.Weft;
import dev.weft.runtime.AsyncRuntime;
import dev.weft.task.CancelledException;
import dev.weft.task.JoinHandle;
import dev.weft.task.JoinSet;
import dev.weft.task.TaskState;
import dev.weft.test.EveryFlavor;
import dev.weft.test.RuntimeFlavor;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link JoinSet}: results in order of completion, failures rethrown, members aborted on close. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class JoinSetTest {

    @EveryFlavor
    void joinNext_returnsResultsInTheOrderTheTasksFinish(RuntimeFlavor flavor) {
        List<Integer> order = flavor.run(() -> {
            try (JoinSet<Integer> set = new JoinSet<>()) {
                List<CountDownLatch> gates = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    CountDownLatch gate = new CountDownLatch(1);
                    gates.add(gate);
                    int value = i;
                    set.spawn(Async.of(() -> {
                        gate.await();
                        return value;
                    }));
                }
                List<Integer> joined = new ArrayList<>();
                for (int next : List.of(2, 0, 1)) {
                    gates.get(next).countDown();
                    joined.add(set.joinNext().await());
                }
                return joined;
            }
        });

        assertThat(order).containsExactly(2, 0, 1);
    }

    @EveryFlavor
    void joinNext_onAnEmptySet_throwsNoSuchElement(RuntimeFlavor flavor) {
        flavor.run(() -> {
            try (JoinSet<Integer> set = new JoinSet<>()) {
                assertThatThrownBy(() -> set.joinNext().await()).isInstanceOf(NoSuchElementException.class);

                set.spawn(Async.completed(1));
                assertThat(set.joinNext().await()).isEqualTo(1);

                assertThat(set.isEmpty()).isTrue();
                assertThatThrownBy(() -> set.joinNext().await()).isInstanceOf(NoSuchElementException.class);
            }
        });
    }

    @EveryFlavor
    void joinNext_rethrowsAMembersFailure_asTheSameInstance(RuntimeFlavor flavor) {
        IllegalStateException failure = new IllegalStateException("member failed");

        flavor.run(() -> {
            try (JoinSet<Integer> set = new JoinSet<>()) {
                set.spawn(Async.of(() -> {
                    throw failure;
                }));

                assertThatThrownBy(() -> set.joinNext().await()).isSameAs(failure);
                assertThat(set.isEmpty()).isTrue();
            }
        });
    }

    @EveryFlavor
    void joinNext_ofAnAbortedMember_throwsCancelled(RuntimeFlavor flavor) {
        flavor.run(() -> {
            try (JoinSet<Integer> set = new JoinSet<>()) {
                JoinHandle<Integer> member = set.spawn(Parked.forever());

                member.abort();

                assertThatThrownBy(() -> set.joinNext().await()).isInstanceOf(CancelledException.class);
                assertThat(set.isEmpty()).isTrue();
            }
        });
    }

    @EveryFlavor
    void close_abortsTheMembersStillRunning_andRefusesNewOnes(RuntimeFlavor flavor) {
        Parked parked = new Parked(3);

        flavor.run(() -> {
            JoinSet<Void> set = new JoinSet<>();
            List<JoinHandle<Void>> members = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                members.add(set.spawn(parked.untilCancelled()));
            }
            parked.awaitAllParked();

            set.close();

            for (JoinHandle<Void> member : members) {
                assertThatThrownBy(member::await).isInstanceOf(CancelledException.class);
            }
            assertThatThrownBy(() -> set.spawn(Async.completed(null))).isInstanceOf(IllegalStateException.class);
        });

        assertThat(parked.unwound()).isEqualTo(3);
    }

    @EveryFlavor
    void joinNext_isCancelSafe_cancellingAParkedJoinerLosesNoResult(RuntimeFlavor flavor) {
        int value = flavor.run(() -> {
            try (JoinSet<Integer> set = new JoinSet<>()) {
                CountDownLatch release = new CountDownLatch(1);
                set.spawn(Async.of(() -> {
                    release.await();
                    return 5;
                }));
                JoinHandle<Integer> joiner = Weft.spawn(set.joinNext());
                Eventually.until("the joiner waits in joinNext", () -> joiner.info().state() == TaskState.WAITING);

                joiner.abort();
                assertThatThrownBy(joiner::await).isInstanceOf(CancelledException.class);

                release.countDown();
                return set.joinNext().await();
            }
        });

        assertThat(value).isEqualTo(5);
    }

    /**
     * Sweeps the moment of cancellation across the joiner's wake-up: after releasing the member, the test
     * passes {@code steps} await points before aborting the joiner. With a budget of one await point,
     * every await point yields once, so the sweep lands between the joiner taking the result from the
     * set and returning it. Whenever the joiner ends cancelled, the result must still be in the set.
     */
    @EveryFlavor
    void joinNext_cancelledAtAnyMomentOfItsWakeUp_losesNoResult(RuntimeFlavor flavor) {
        Async<Void> awaitPoint = Async.completed(null);
        try (AsyncRuntime runtime = flavor.builder().budget(1).build()) {
            runtime.blockOn(Async.run(() -> {
                for (int steps = 0; steps < 12; steps++) {
                    try (JoinSet<Integer> set = new JoinSet<>()) {
                        CountDownLatch release = new CountDownLatch(1);
                        int value = steps;
                        set.spawn(Async.of(() -> {
                            release.await();
                            return value;
                        }));
                        JoinHandle<Integer> joiner = Weft.spawn(set.joinNext());
                        Eventually.until("the joiner waits in joinNext",
                                () -> joiner.info().state() == TaskState.WAITING);

                        release.countDown();
                        for (int i = 0; i < steps; i++) {
                            awaitPoint.await();
                        }
                        joiner.abort();

                        assertResultKept(set, joiner, value);
                    }
                }
            }));
        }
    }

    private static void assertResultKept(JoinSet<Integer> set, JoinHandle<Integer> joiner, int value) {
        try {
            assertThat(joiner.await()).as("value returned by the joiner").isEqualTo(value);
        } catch (CancelledException cancelled) {
            assertThat(set.size()).as("results left in the set after cancelling the joiner at step " + value)
                    .isEqualTo(1);
            assertThat(set.joinNext().await()).isEqualTo(value);
        }
    }
}
