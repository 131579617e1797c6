package dev.weft.runtime.tests;

import dev.weft.Async;
import dev.weft.Weft;
import dev.weft.runtime.AsyncRuntime;
import dev.weft.task.CancelledException;
import dev.weft.task.JoinHandle;
import dev.weft.task.TaskState;
import dev.weft.test.EveryFlavor;
import dev.weft.test.RuntimeFlavor;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link JoinHandle#abort()}: the task unwinds from its next await point through its finally blocks. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class AbortTest {

    @EveryFlavor
    void abort_ofATaskParkedAtAnAwait_runsItsFinallyBlocks_andAwaitThrowsCancelled(RuntimeFlavor flavor) {
        Parked parked = new Parked(1);

        TaskState state = flavor.run(() -> {
            JoinHandle<Void> task = Weft.spawn(parked.untilCancelled());
            parked.awaitAllParked();

            task.abort();

            assertThatThrownBy(task::await).isInstanceOf(CancelledException.class);
            return task.info().state();
        });

        assertThat(parked.unwound()).isEqualTo(1);
        assertThat(state).isEqualTo(TaskState.CANCELLED);
    }

    @EveryFlavor
    void cancelledTask_thatCatchesCancelled_isStillCancelledAtItsNextAwait(RuntimeFlavor flavor) {
        AtomicBoolean caughtOnce = new AtomicBoolean();

        flavor.run(() -> {
            Parked parked = new Parked(1);
            JoinHandle<Void> task = Weft.spawn(Async.run(() -> {
                try {
                    parked.untilCancelled().await();
                } catch (CancelledException swallowed) {
                    caughtOnce.set(true);
                }
                Weft.yieldNow().await();
            }));
            parked.awaitAllParked();

            task.abort();

            assertThatThrownBy(task::await).isInstanceOf(CancelledException.class);
        });

        assertThat(caughtOnce).isTrue();
    }

    @EveryFlavor
    void abort_beforeTheTaskStarts_neverRunsItsBody(RuntimeFlavor flavor) throws InterruptedException {
        AtomicBoolean ran = new AtomicBoolean();
        try (AsyncRuntime runtime = flavor.build()) {
            JoinHandle<Void> task;
            try (HeldWorkers held = HeldWorkers.hold(runtime)) {
                task = runtime.spawn(Async.run(() -> ran.set(true)));
                task.abort();
            }

            assertThatThrownBy(() -> runtime.blockOn(task)).isInstanceOf(CancelledException.class);
        }
        assertThat(ran).isFalse();
    }

    @EveryFlavor
    void abort_ofAFinishedTask_isANoOp(RuntimeFlavor flavor) {
        flavor.run(() -> {
            JoinHandle<Integer> task = Weft.spawn(Async.completed(7));
            assertThat(task.await()).isEqualTo(7);

            task.abort();

            assertThat(task.await()).isEqualTo(7);
            assertThat(task.info().state()).isEqualTo(TaskState.COMPLETED);
            assertThat(task.info().cancelRequested()).isFalse();
        });
    }

    @EveryFlavor
    void abort_ofATaskBlockedInAJdkCall_takesEffectAtItsNextAwaitPoint(RuntimeFlavor flavor) {
        AtomicBoolean passedTheJdkCall = new AtomicBoolean();

        flavor.run(() -> {
            CountDownLatch blocked = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            JoinHandle<Void> task = Weft.spawn(Async.run(() -> {
                blocked.countDown();
                Latches.await(release, "the release");
                passedTheJdkCall.set(true);
                Weft.yieldNow().await();
            }));
            blocked.await();

            task.abort();

            assertThat(task.info().cancelRequested()).isTrue();
            assertThat(task.isFinished()).isFalse();
            release.countDown();
            assertThatThrownBy(task::await).isInstanceOf(CancelledException.class);
        });

        assertThat(passedTheJdkCall).isTrue();
    }
}
