package dev.weft.runtime.tests;

import dev.weft.Async;
import dev.weft.Weft;
import dev.weft.runtime.AsyncRuntime;
import dev.weft.task.JoinHandle;
import dev.weft.task.TaskInfo;
import dev.weft.task.TaskState;
import dev.weft.test.EveryFlavor;
import dev.weft.test.RuntimeFlavor;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link AsyncRuntime#tasks()}: the registry of live tasks, for task dumps. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TaskRegistryTest {

    @EveryFlavor
    void tasks_listAParkedTask_withItsNameAndWaitingState_untilItFinishes(RuntimeFlavor flavor) {
        try (AsyncRuntime runtime = flavor.build()) {
            runtime.blockOn(Async.run(() -> {
                CountDownLatch release = new CountDownLatch(1);
                JoinHandle<Void> sleeper = Weft.spawn("sleeper", Async.of(() -> {
                    release.await();
                    return null;
                }));

                Eventually.until("the sleeper is listed as waiting", () -> runtime.tasks().stream()
                        .anyMatch(task -> task.id() == sleeper.id() && task.state() == TaskState.WAITING));

                assertThat(runtime.tasks()).filteredOn(task -> task.id() == sleeper.id()).singleElement()
                        .satisfies(task -> {
                            assertThat(task.name()).contains("sleeper");
                            assertThat(task.blocking()).isFalse();
                            assertThat(task.cancelRequested()).isFalse();
                        });
                release.countDown();
                sleeper.await();
                assertThat(runtime.tasks()).extracting(TaskInfo::id).doesNotContain(sleeper.id());
            }));
        }
    }

    @EveryFlavor
    void tasks_listTheCallingTask_asRunnable(RuntimeFlavor flavor) {
        try (AsyncRuntime runtime = flavor.build()) {
            TaskInfo self = runtime.blockOn(Async.of(() -> runtime.tasks().stream()
                    .filter(task -> task.id() == Weft.currentTaskId().orElseThrow())
                    .findFirst()
                    .orElseThrow()));

            assertThat(self.state()).isEqualTo(TaskState.RUNNABLE);
            assertThat(self.name()).isEmpty();
        }
    }

    @EveryFlavor
    void spawnSites_whenCaptured_pointAtTheSpawningMethod(RuntimeFlavor flavor) {
        String testMethod = "spawnSites_whenCaptured_pointAtTheSpawningMethod";
        try (AsyncRuntime runtime = flavor.builder().captureSpawnSites(true).build()) {
            JoinHandle<Integer> fromTestThread = runtime.handle().spawn("outside", Async.completed(1));
            JoinHandle<Integer> fromTask = runtime.blockOn(Async.of(() -> Weft.spawn(Async.completed(2))));

            assertThat(fromTestThread.info().spawnSite()).hasValueSatisfying(site -> {
                assertThat(site.getClassName()).isEqualTo(TaskRegistryTest.class.getName());
                assertThat(site.getMethodName()).isEqualTo(testMethod);
            });
            assertThat(fromTask.info().spawnSite()).hasValueSatisfying(site -> {
                assertThat(site.getClassName()).isEqualTo(TaskRegistryTest.class.getName());
                assertThat(site.getMethodName()).contains(testMethod);
            });
        }
    }

    @EveryFlavor
    void spawnSites_areNotCapturedByDefault(RuntimeFlavor flavor) {
        try (AsyncRuntime runtime = flavor.build()) {
            JoinHandle<Integer> task = runtime.spawn(Async.completed(1));

            assertThat(task.info().spawnSite()).isEmpty();
        }
    }
}
