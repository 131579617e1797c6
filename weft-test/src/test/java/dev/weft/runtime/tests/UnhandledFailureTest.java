package dev.weft.runtime.tests;

import dev.weft.Async;
import dev.weft.Weft;
import dev.weft.runtime.AsyncRuntime;
import dev.weft.task.JoinHandle;
import dev.weft.task.JoinSet;
import dev.weft.task.TaskInfo;
import dev.weft.task.TaskScope;
import dev.weft.task.TaskState;
import dev.weft.test.EveryFlavor;
import dev.weft.test.RuntimeFlavor;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Failures nobody awaited reach the runtime's unhandled-failure handler; awaited ones never do. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class UnhandledFailureTest {

    private final List<Report> reports = new CopyOnWriteArrayList<>();
    private final IllegalStateException failure = new IllegalStateException("nobody awaited me");

    private record Report(TaskInfo task, Throwable failure) {
    }

    private AsyncRuntime runtime(RuntimeFlavor flavor) {
        return flavor.builder().unhandledFailureHandler((task, error) -> reports.add(new Report(task, error))).build();
    }

    private Async<Void> failing() {
        return Async.run(() -> {
            throw failure;
        });
    }

    @EveryFlavor
    void detachedFailure_isReportedAtShutdown(RuntimeFlavor flavor) {
        JoinHandle<Void> detached;
        try (AsyncRuntime runtime = runtime(flavor)) {
            detached = runtime.blockOn(Async.of(() -> {
                JoinHandle<Void> handle = Weft.spawn("doomed", failing());
                Eventually.until("the task failed", handle::isFinished);
                return handle;
            }));
            assertThat(reports).as("reports while the handle can still be awaited").isEmpty();
        }

        assertThat(reports).singleElement().satisfies(report -> {
            assertThat(report.failure()).isSameAs(failure);
            assertThat(report.task().id()).isEqualTo(detached.id());
            assertThat(report.task().name()).contains("doomed");
            assertThat(report.task().state()).isEqualTo(TaskState.FAILED);
        });
    }

    @EveryFlavor
    void detachedFailure_isReportedOnceItsHandleIsCollected(RuntimeFlavor flavor) {
        try (AsyncRuntime runtime = runtime(flavor)) {
            runtime.blockOn(Async.run(() -> {
                JoinHandle<Void> handle = Weft.spawn(failing());
                Eventually.until("the task failed", handle::isFinished);
            }));

            Eventually.until("the failure is reported", () -> {
                System.gc();
                return !reports.isEmpty();
            });

            assertThat(reports).singleElement().extracting(Report::failure).isSameAs(failure);
        }
    }

    @EveryFlavor
    void failuresTakenByAwaitJoinSetTaskScopeOrBlockOn_areNeverReported(RuntimeFlavor flavor) {
        try (AsyncRuntime runtime = runtime(flavor)) {
            runtime.blockOn(Async.run(() -> {
                assertThatThrownBy(() -> Weft.spawn(failing()).await()).isSameAs(failure);
                try (JoinSet<Void> set = new JoinSet<>()) {
                    set.spawn(failing());
                    assertThatThrownBy(() -> set.joinNext().await()).isSameAs(failure);
                }
                try (TaskScope scope = TaskScope.open()) {
                    scope.fork(failing());
                    assertThatThrownBy(() -> scope.join().await()).isSameAs(failure);
                }
            }));
            assertThatThrownBy(() -> runtime.blockOn(failing())).isSameAs(failure);
            System.gc();
        }

        assertThat(reports).isEmpty();
    }
}
