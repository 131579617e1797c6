package dev.weft.runtime.tests;

import dev.weft.Async;
import dev.weft.AsyncException;
import dev.weft.Weft;
import dev.weft.runtime.AsyncRuntime;
import dev.weft.task.JoinHandle;
import dev.weft.task.TaskFailedException;
import dev.weft.test.EveryFlavor;
import dev.weft.test.RuntimeFlavor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/** How failures cross await points: unchecked ones as they are, checked ones wrapped. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class FailurePropagationTest {

    private final IOException checked = new IOException("disk on fire");
    private final IllegalStateException unchecked = new IllegalStateException("bad state");
    private final Error error = new Error("fatal");

    @Test
    void await_outsideATask_throwsIllegalState_pointingToAsyncRuntimeRunAndBlockOn() {
        assertThatThrownBy(() -> Async.completed(1).await())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("AsyncRuntime.run")
                .hasMessageContaining("blockOn");
    }

    @Test
    void spawn_outsideARuntime_throwsIllegalState_pointingToTheRuntimeHandle() {
        assertThatThrownBy(() -> Weft.spawn(Async.completed(1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("handle().spawn");
        assertThatThrownBy(() -> Weft.spawnBlocking(() -> 1)).isInstanceOf(IllegalStateException.class);
    }

    @EveryFlavor
    void await_ofAnOperationThrowingACheckedException_wrapsItInAsyncException(RuntimeFlavor flavor) {
        Throwable thrown = flavor.run(() -> catchThrowable(() -> Async.of(() -> {
            throw checked;
        }).await()));

        assertThat(thrown).isInstanceOf(AsyncException.class).cause().isSameAs(checked);
    }

    @EveryFlavor
    void await_ofAnOperationThrowingUncheckedOrError_rethrowsTheSameInstance(RuntimeFlavor flavor) {
        flavor.run(() -> {
            assertThatThrownBy(() -> Async.run(() -> {
                throw unchecked;
            }).await()).isSameAs(unchecked);
            assertThatThrownBy(() -> Async.run(() -> {
                throw error;
            }).await()).isSameAs(error);
        });
    }

    /** A task's own checked failure reaches its awaiters as TaskFailedException, with the task's id. */
    @EveryFlavor
    void joinHandleAwait_ofATaskFailingWithACheckedException_throwsTaskFailedException(RuntimeFlavor flavor) {
        flavor.run(() -> {
            JoinHandle<Void> task = Weft.spawn(Async.of(() -> {
                throw checked;
            }));

            assertThatThrownBy(task::await).isInstanceOf(TaskFailedException.class)
                    .satisfies(thrown -> assertThat(((TaskFailedException) thrown).taskId()).isEqualTo(task.id()))
                    .cause().isSameAs(checked);
        });
    }

    /** AsyncRuntime.run's body is a task like any other: its checked failure comes back as TaskFailedException. */
    @Test
    void asyncRuntimeRun_ofABodyThrowingACheckedException_throwsTaskFailedException() {
        assertThatThrownBy(() -> AsyncRuntime.run(() -> {
            throw checked;
        })).isInstanceOf(TaskFailedException.class).cause().isSameAs(checked);
    }

    @EveryFlavor
    void joinHandleAwait_ofABlockingCallThrowingACheckedException_throwsTaskFailedException(RuntimeFlavor flavor) {
        flavor.run(() -> {
            JoinHandle<Void> call = Weft.spawnBlocking(() -> {
                throw checked;
            });

            assertThatThrownBy(call::await).isInstanceOf(TaskFailedException.class)
                    .satisfies(thrown -> assertThat(((TaskFailedException) thrown).taskId()).isEqualTo(call.id()))
                    .cause().isSameAs(checked);
        });
    }

    @EveryFlavor
    void joinHandleAwait_ofATaskFailingWithUncheckedOrError_rethrowsTheSameInstance(RuntimeFlavor flavor) {
        flavor.run(() -> {
            assertThatThrownBy(Weft.spawn(Async.run(() -> {
                throw unchecked;
            }))::await).isSameAs(unchecked);
            assertThatThrownBy(Weft.spawn(Async.run(() -> {
                throw error;
            }))::await).isSameAs(error);
        });
    }

    @EveryFlavor
    void blockOn_rethrowsTheOperationsUncheckedFailure_asTheSameInstance(RuntimeFlavor flavor) {
        try (AsyncRuntime runtime = flavor.build()) {
            assertThatThrownBy(() -> runtime.blockOn(Async.run(() -> {
                throw unchecked;
            }))).isSameAs(unchecked);
        }
    }

    @EveryFlavor
    void toCompletableFuture_ofAFailedTask_completesExceptionallyWithTheSameInstance(RuntimeFlavor flavor) {
        try (AsyncRuntime runtime = flavor.build()) {
            JoinHandle<Void> task = runtime.spawn(Async.run(() -> {
                throw unchecked;
            }));
            assertThatThrownBy(() -> runtime.blockOn(task)).isSameAs(unchecked);

            assertThatThrownBy(() -> task.toCompletableFuture().get())
                    .isInstanceOf(ExecutionException.class)
                    .cause().isSameAs(unchecked);
        }
    }
}
