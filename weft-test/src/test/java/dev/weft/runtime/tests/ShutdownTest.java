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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link AsyncRuntime#shutdown(Duration)}: refuse new tasks, cancel the live ones, wait for them to unwind. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ShutdownTest {

    private static final Duration GENEROUS = Duration.ofSeconds(10);

    @EveryFlavor
    void shutdown_cancelsTasksParkedForever_runsTheirFinallyBlocks_andReturnsTrue(RuntimeFlavor flavor) {
        Parked parked = new Parked(3);
        AsyncRuntime runtime = flavor.build();
        List<JoinHandle<Void>> tasks = runtime.blockOn(Async.of(() -> {
            List<JoinHandle<Void>> spawned = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                spawned.add(Weft.spawn(parked.untilCancelled()));
            }
            parked.awaitAllParked();
            return spawned;
        }));

        assertThat(runtime.shutdown(GENEROUS)).isTrue();

        assertThat(parked.unwound()).isEqualTo(3);
        assertThat(tasks).allSatisfy(task -> assertThat(task.info().state()).isEqualTo(TaskState.CANCELLED));
        assertThat(runtime.tasks()).isEmpty();
    }

    @EveryFlavor
    void shutdown_whenATaskNeverReachesAnAwaitPoint_returnsFalseAfterTheTimeout(RuntimeFlavor flavor)
            throws InterruptedException {
        AtomicBoolean release = new AtomicBoolean();
        try (AsyncRuntime runtime = flavor.build()) {
            CountDownLatch spinning = new CountDownLatch(1);
            CompletableFuture<Void> stuck = CompletableFuture.runAsync(() -> runtime.blockOn(Async.run(() -> {
                spinning.countDown();
                while (!release.get()) {
                    Thread.onSpinWait();
                }
            })), Thread.ofPlatform().daemon()::start);
            spinning.await();

            try {
                assertThat(runtime.shutdown(Duration.ofMillis(200))).isFalse();
            } finally {
                release.set(true);
            }

            assertThat(stuck).succeedsWithin(GENEROUS);
        }
    }

    @EveryFlavor
    void shutdown_isIdempotent(RuntimeFlavor flavor) {
        AsyncRuntime runtime = flavor.build();
        runtime.blockOn(Async.completed(1));

        assertThat(runtime.shutdown(GENEROUS)).isTrue();
        assertThat(runtime.shutdown(GENEROUS)).isTrue();
        runtime.close();

        assertThat(runtime.isShutdown()).isTrue();
    }

    @EveryFlavor
    void concurrentShutdowns_bothWaitForTheTasksToUnwind(RuntimeFlavor flavor) {
        Parked parked = new Parked(1);
        AsyncRuntime runtime = flavor.build();
        runtime.blockOn(Async.run(() -> {
            Weft.spawn(parked.untilCancelled());
            parked.awaitAllParked();
        }));

        CompletableFuture<Boolean> other = CompletableFuture.supplyAsync(() -> runtime.shutdown(GENEROUS),
                Thread.ofPlatform().daemon()::start);
        boolean mine = runtime.shutdown(GENEROUS);

        assertThat(mine).isTrue();
        assertThat(other).succeedsWithin(GENEROUS).isEqualTo(true);
        assertThat(parked.unwound()).isEqualTo(1);
    }

    @EveryFlavor
    void spawn_afterShutdown_returnsACancelledHandle_whoseBodyNeverRuns(RuntimeFlavor flavor) {
        AtomicBoolean ran = new AtomicBoolean();
        AsyncRuntime runtime = flavor.build();
        runtime.shutdown(GENEROUS);

        JoinHandle<Void> task = runtime.spawn(Async.run(() -> ran.set(true)));
        JoinHandle<Boolean> blocking = runtime.handle().spawnBlocking(() -> ran.getAndSet(true));

        assertThat(List.of(task, blocking)).allSatisfy(handle -> {
            assertThat(handle.isFinished()).isTrue();
            assertThat(handle.info().state()).isEqualTo(TaskState.CANCELLED);
            assertThat(handle.toCompletableFuture()).isCancelled();
        });
        assertThatThrownBy(() -> runtime.blockOn(task)).isInstanceOf(CancelledException.class);
        assertThat(ran).isFalse();
    }

    /**
     * Shutdown cancels queued blocking calls and returns as soon as the running one finishes, on every
     * flavour (the current-thread flavour's shutdown drives its scheduler and must be woken by the pool).
     */
    @EveryFlavor
    void shutdown_cancelsQueuedBlockingCalls_andReturnsAsSoonAsTheRunningOneFinishes(RuntimeFlavor flavor) {
        AtomicBoolean queuedRan = new AtomicBoolean();
        AsyncRuntime runtime = flavor.builder().maxBlockingThreads(1).build();
        HeldCall<String> occupying = new HeldCall<>("finished");
        JoinHandle<String> running = runtime.handle().spawnBlocking(occupying);
        occupying.awaitStarted();
        JoinHandle<Boolean> queued = runtime.handle().spawnBlocking(() -> queuedRan.getAndSet(true));

        CompletableFuture<Boolean> shutdown = CompletableFuture.supplyAsync(
                () -> runtime.shutdown(Duration.ofMinutes(2)), Thread.ofPlatform().daemon()::start);
        Eventually.until("the queued call is cancelled", queued::isFinished);
        assertThat(shutdown).as("shutdown waits for the running call").isNotDone();
        occupying.release();

        assertThat(shutdown).succeedsWithin(GENEROUS).isEqualTo(true);
        assertThat(running.toCompletableFuture()).isCompletedWithValue("finished");
        assertThat(queued.info().state()).isEqualTo(TaskState.CANCELLED);
        assertThat(queuedRan).isFalse();
    }

    @EveryFlavor
    void blockOn_whoseOperationIsStillParkedAtShutdown_throwsCancelled(RuntimeFlavor flavor) {
        Parked parked = new Parked(1);
        AsyncRuntime runtime = flavor.build();
        CompletableFuture<Void> blocked = CompletableFuture.runAsync(
                () -> runtime.blockOn(parked.untilCancelled()), Thread.ofPlatform().daemon()::start);
        parked.awaitAllParked();

        assertThat(runtime.shutdown(GENEROUS)).isTrue();

        assertThat(blocked).failsWithin(GENEROUS).withThrowableThat().havingRootCause()
                .isInstanceOf(CancelledException.class);
        assertThat(parked.unwound()).isEqualTo(1);
    }

    @EveryFlavor
    void blockOn_fromInsideATask_throwsIllegalState(RuntimeFlavor flavor) {
        try (AsyncRuntime runtime = flavor.build()) {
            assertThatThrownBy(() -> runtime.blockOn(Async.of(() -> runtime.blockOn(Async.completed(1)))))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("await");
        }
    }

    @EveryFlavor
    void shutdown_fromInsideATask_throwsIllegalState(RuntimeFlavor flavor) {
        try (AsyncRuntime runtime = flavor.build()) {
            assertThatThrownBy(() -> runtime.blockOn(Async.of(() -> runtime.shutdown(GENEROUS))))
                    .isInstanceOf(IllegalStateException.class);
            assertThat(runtime.isShutdown()).isFalse();
        }
    }
}
