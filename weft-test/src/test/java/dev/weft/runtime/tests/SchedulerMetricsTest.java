package dev.weft.runtime.tests;

import dev.weft.Async;
import dev.weft.Weft;
import dev.weft.runtime.AsyncRuntime;
import dev.weft.runtime.RuntimeMetrics;
import dev.weft.runtime.WorkerStats;
import dev.weft.task.JoinHandle;
import dev.weft.test.EveryFlavor;
import dev.weft.test.RuntimeFlavor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link AsyncRuntime#metrics()}, and what the counters show about how the scheduler spreads work. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SchedulerMetricsTest {

    @EveryFlavor
    void metrics_countLiveTasksAndTaskRuns(RuntimeFlavor flavor) {
        try (AsyncRuntime runtime = flavor.build()) {
            RuntimeMetrics whileParked = runtime.blockOn(Async.of(() -> {
                CountDownLatch parked = new CountDownLatch(3);
                CountDownLatch release = new CountDownLatch(1);
                List<JoinHandle<Void>> sleepers = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    sleepers.add(Weft.spawn(Async.of(() -> {
                        parked.countDown();
                        release.await();
                        return null;
                    })));
                }
                parked.await();
                RuntimeMetrics snapshot = runtime.metrics();
                release.countDown();
                sleepers.forEach(JoinHandle::await);
                return snapshot;
            }));

            assertThat(whileParked.liveTasks()).as("three sleepers and the calling task").isEqualTo(4);
            assertThat(whileParked.totalPolls()).isGreaterThanOrEqualTo(4);
            assertThat(runtime.metrics().workers()).hasSize(flavor == RuntimeFlavor.MULTI_THREAD_4 ? 4 : 1);
        }
    }

    @Test
    void burstOfWorkSpawnedByOneTask_isSpreadOverSeveralWorkersByStealing() {
        try (AsyncRuntime runtime = RuntimeFlavor.MULTI_THREAD_4.build()) {
            runtime.blockOn(Fanout.spawnAndJoin(64, seed -> Async.of(() -> busyWork(seed))));

            RuntimeMetrics metrics = runtime.metrics();
            assertThat(metrics.workers()).filteredOn(worker -> worker.polls() > 0).hasSizeGreaterThanOrEqualTo(2);
            assertThat(metrics.totalSteals()).isPositive();
        }
    }

    /** A worker whose 256-slot queue fills up moves half of it to the global queue, and counts that. */
    @Test
    void burstOfSpawnsFillingTheOnlyWorkersQueue_isCountedAsAnOverflow() {
        try (AsyncRuntime runtime = RuntimeFlavor.MULTI_THREAD_1.build()) {
            runtime.blockOn(Fanout.spawnAndJoin(400, i -> Async.completed(i)));

            WorkerStats worker = runtime.metrics().workers().getFirst();
            assertThat(worker.polls()).isGreaterThanOrEqualTo(400);
            assertThat(worker.overflows()).as("overflows after 400 spawns into a 256-slot queue").isPositive();
        }
    }

    private static long busyWork(long seed) {
        long x = seed + 1;
        for (int i = 0; i < 200_000; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
        }
        return x;
    }
}
