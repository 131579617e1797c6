package dev.weft.runtime.tests;

import dev.weft.Async;
import dev.weft.Weft;
import dev.weft.runtime.AsyncRuntime;
import dev.weft.runtime.RuntimeHandle;
import dev.weft.task.CancelledException;
import dev.weft.task.JoinHandle;
import dev.weft.task.TaskState;
import dev.weft.test.EveryFlavor;
import dev.weft.test.RuntimeFlavor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Spawning tasks and joining them, from inside the runtime and from plain threads. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SpawnJoinTest {

    @EveryFlavor
    void spawn_insideATask_returnsAHandleThatYieldsTheValue(RuntimeFlavor flavor) {
        int value = flavor.run(() -> Weft.spawn(Async.of(() -> 6 * 7)).await());

        assertThat(value).isEqualTo(42);
    }

    @EveryFlavor
    void spawnedTasks_spawnAndJoinTheirOwnChildren(RuntimeFlavor flavor) {
        int depth = flavor.run(() -> chain(200).await());

        assertThat(depth).isEqualTo(200);
    }

    private static Async<Integer> chain(int remaining) {
        return remaining == 0
                ? Async.completed(0)
                : Async.of(() -> Weft.spawn(chain(remaining - 1)).await() + 1);
    }

    @EveryFlavor
    void handle_awaitedByManyTasks_givesEachTheSameValue_andRunsTheBodyOnce(RuntimeFlavor flavor) {
        AtomicInteger runs = new AtomicInteger();

        List<Integer> values = flavor.run(() -> {
            JoinHandle<Integer> shared = Weft.spawn(Async.of(() -> 100 + runs.incrementAndGet()));
            List<JoinHandle<Integer>> awaiters = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                awaiters.add(Weft.spawn(shared));
            }
            List<Integer> seen = new ArrayList<>();
            for (JoinHandle<Integer> awaiter : awaiters) {
                seen.add(awaiter.await());
            }
            seen.add(shared.await());
            return seen;
        });

        assertThat(values).containsOnly(101).hasSize(6);
        assertThat(runs).hasValue(1);
    }

    @EveryFlavor
    void runtimeSpawn_fromAPlainThread_isJoinedWithBlockOn(RuntimeFlavor flavor) {
        try (AsyncRuntime runtime = flavor.build()) {
            JoinHandle<String> handle = runtime.spawn(Async.of(() -> "spawned from " + Weft.inTask()));

            assertThat(runtime.blockOn(handle)).isEqualTo("spawned from true");
        }
    }

    @EveryFlavor
    void handleSpawn_fromAnotherPlainThread_completesTheHandlesFuture(RuntimeFlavor flavor) throws Exception {
        try (AsyncRuntime runtime = flavor.build()) {
            CompletableFuture<JoinHandle<Integer>> spawned = new CompletableFuture<>();
            Thread.ofPlatform().start(() -> spawned.complete(runtime.handle().spawn("outside", Async.of(() -> 7))));
            JoinHandle<Integer> handle = spawned.get(10, TimeUnit.SECONDS);
            CompletableFuture<Integer> future = handle.toCompletableFuture();

            assertThat(runtime.handle().blockOn(handle)).isEqualTo(7);
            assertThat(future.get(10, TimeUnit.SECONDS)).isEqualTo(7);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = RuntimeFlavor.class, names = {"MULTI_THREAD_1", "MULTI_THREAD_4"})
    void spawn_onTheMultiThreadFlavour_runsWithoutAnyThreadInBlockOn(RuntimeFlavor flavor) throws Exception {
        try (AsyncRuntime runtime = flavor.build()) {
            CompletableFuture<String> future = runtime.spawn(Async.of(() -> "ran on a worker")).toCompletableFuture();

            assertThat(future.get(10, TimeUnit.SECONDS)).isEqualTo("ran on a worker");
        }
    }

    @EveryFlavor
    void blockOn_fromTwoThreadsAtOnce_completesBoth(RuntimeFlavor flavor) throws Exception {
        try (AsyncRuntime runtime = flavor.build()) {
            CountDownLatch waiting = new CountDownLatch(1);
            CountDownLatch handshake = new CountDownLatch(1);
            CompletableFuture<String> waiter = CompletableFuture.supplyAsync(() -> runtime.blockOn(Async.of(() -> {
                waiting.countDown();
                handshake.await();
                return "waited";
            })), Thread.ofPlatform().daemon()::start);

            String releaser = runtime.blockOn(Async.of(() -> {
                waiting.await();
                handshake.countDown();
                return "released";
            }));

            assertThat(releaser).isEqualTo("released");
            assertThat(waiter.get(10, TimeUnit.SECONDS)).isEqualTo("waited");
        }
    }

    @EveryFlavor
    void awaitingAHandle_isCancelSafe_abortingTheAwaiterLeavesTheAwaitedTaskRunning(RuntimeFlavor flavor) {
        String value = flavor.run(() -> {
            CountDownLatch release = new CountDownLatch(1);
            JoinHandle<String> worker = Weft.spawn(Async.of(() -> {
                release.await();
                return "done";
            }));
            JoinHandle<String> awaiter = Weft.spawn(worker);
            Eventually.until("the awaiter waits", () -> awaiter.info().state() == TaskState.WAITING);

            awaiter.abort();

            assertThatThrownBy(awaiter::await).isInstanceOf(CancelledException.class);
            assertThat(worker.isFinished()).isFalse();
            release.countDown();
            return worker.await();
        });

        assertThat(value).isEqualTo("done");
    }

    @EveryFlavor
    void currentTaskAndRuntime_areKnownInsideATask(RuntimeFlavor flavor) {
        try (AsyncRuntime runtime = flavor.build()) {
            JoinHandle<Long> handle = runtime.spawn(Async.of(() -> Weft.currentTaskId().orElseThrow()));

            assertThat(runtime.blockOn(handle)).isEqualTo(handle.id());
            assertThat(runtime.blockOn(Async.of(RuntimeHandle::current))).containsSame(runtime.handle());
        }
    }

    @Test
    void currentTaskAndRuntime_areAbsentOnAPlainThread() {
        assertThat(Weft.inTask()).isFalse();
        assertThat(Weft.currentTaskId()).isEmpty();
        assertThat(RuntimeHandle.current()).isEmpty();
    }
}
