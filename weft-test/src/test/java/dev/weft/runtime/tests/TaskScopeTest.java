package dev.weft.runtime.tests;

import dev.weft.Async;
import dev.weft.Weft;
import dev.weft.task.CancelledException;
import dev.weft.task.JoinHandle;
import dev.weft.task.TaskScope;
import dev.weft.test.EveryFlavor;
import dev.weft.test.RuntimeFlavor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link TaskScope}: children cannot outlive the block that forked them. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TaskScopeTest {

    @EveryFlavor
    void join_waitsForEveryChild(RuntimeFlavor flavor) {
        AtomicInteger finished = new AtomicInteger();

        List<Boolean> finishedAtJoin = flavor.run(() -> {
            try (TaskScope scope = TaskScope.open()) {
                List<JoinHandle<Void>> children = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    int yields = 10 * i;
                    children.add(scope.fork(Async.run(() -> {
                        for (int y = 0; y < yields; y++) {
                            Weft.yieldNow().await();
                        }
                        finished.incrementAndGet();
                    })));
                }

                scope.join().await();

                return children.stream().map(JoinHandle::isFinished).toList();
            }
        });

        assertThat(finishedAtJoin).containsOnly(true);
        assertThat(finished).hasValue(4);
    }

    @EveryFlavor
    void failingChild_cancelsItsSiblings_andJoinThrowsThatFailure(RuntimeFlavor flavor) {
        IllegalStateException failure = new IllegalStateException("child failed");
        Parked parked = new Parked(1);

        flavor.run(() -> {
            try (TaskScope scope = TaskScope.open()) {
                JoinHandle<Void> sibling = scope.fork(parked.untilCancelled());
                scope.fork(Async.of(() -> {
                    parked.awaitAllParked();
                    throw failure;
                }));

                assertThatThrownBy(() -> scope.join().await()).isSameAs(failure);

                assertThat(sibling.isFinished()).as("the sibling finished before join returned").isTrue();
                assertThatThrownBy(sibling::await).isInstanceOf(CancelledException.class);
            }
        });

        assertThat(parked.unwound()).isEqualTo(1);
    }

    @EveryFlavor
    void join_throwsTheFirstFailure_withLaterOnesSuppressed(RuntimeFlavor flavor) {
        IllegalStateException first = new IllegalStateException("first");
        IllegalArgumentException second = new IllegalArgumentException("second");

        flavor.run(() -> {
            try (TaskScope scope = TaskScope.open()) {
                CountDownLatch bothRunning = new CountDownLatch(2);
                CountDownLatch firstFailed = new CountDownLatch(1);
                scope.fork(Async.of(() -> {
                    bothRunning.countDown();
                    bothRunning.await();
                    firstFailed.countDown();
                    throw first;
                }));
                scope.fork(Async.of(() -> {
                    bothRunning.countDown();
                    firstFailed.await();
                    throw second;
                }));

                assertThatThrownBy(() -> scope.join().await()).isSameAs(first)
                        .satisfies(thrown -> assertThat(thrown.getSuppressed()).containsExactly(second));
            }
        });
    }

    @EveryFlavor
    void close_cancelsUnfinishedChildren_andWaitsForThem_evenWhenTheOwnerIsCancelled(RuntimeFlavor flavor) {
        Parked parked = new Parked(1);
        AtomicBoolean childFinishedBeforeOwner = new AtomicBoolean();

        flavor.run(() -> {
            JoinHandle<Void> owner = Weft.spawn(Async.run(() -> {
                AtomicReference<JoinHandle<Void>> child = new AtomicReference<>();
                try (TaskScope scope = TaskScope.open()) {
                    child.set(scope.fork(parked.untilCancelled()));
                    scope.join().await();
                } finally {
                    childFinishedBeforeOwner.set(child.get().isFinished());
                }
            }));
            parked.awaitAllParked();

            owner.abort();

            assertThatThrownBy(owner::await).isInstanceOf(CancelledException.class);
        });

        assertThat(parked.unwound()).isEqualTo(1);
        assertThat(childFinishedBeforeOwner).isTrue();
    }

    @EveryFlavor
    void fork_afterAChildFailed_cancelsTheNewChildBeforeItStarts(RuntimeFlavor flavor) {
        AtomicBoolean lateChildRan = new AtomicBoolean();

        flavor.run(() -> {
            try (TaskScope scope = TaskScope.open()) {
                JoinHandle<Void> failing = scope.fork(Async.run(() -> {
                    throw new IllegalStateException("failed");
                }));
                assertThatThrownBy(failing::await).isInstanceOf(IllegalStateException.class);

                JoinHandle<Void> late = scope.fork(Async.run(() -> lateChildRan.set(true)));

                assertThatThrownBy(late::await).isInstanceOf(CancelledException.class);
                assertThatThrownBy(() -> scope.join().await()).isInstanceOf(IllegalStateException.class);
            }
        });

        assertThat(lateChildRan).isFalse();
    }

    @EveryFlavor
    void forkJoinAndClose_fromATaskOtherThanTheOwner_throwWrongThread(RuntimeFlavor flavor) {
        flavor.run(() -> {
            try (TaskScope scope = TaskScope.open()) {
                JoinHandle<Void> intruder = Weft.spawn(Async.run(() -> {
                    assertThatThrownBy(() -> scope.fork(Async.completed(1))).isInstanceOf(WrongThreadException.class);
                    assertThatThrownBy(() -> scope.join().await()).isInstanceOf(WrongThreadException.class);
                    assertThatThrownBy(scope::close).isInstanceOf(WrongThreadException.class);
                }));

                intruder.await();
            }
        });
    }

    @Test
    void open_outsideATask_throwsIllegalState() {
        assertThatThrownBy(TaskScope::open).isInstanceOf(IllegalStateException.class);
    }
}
