package dev.weft.runtime.tests;

import dev.weft.Async;
import dev.weft.Weft;
import dev.weft.task.JoinHandle;
import dev.weft.task.TaskLocal;
import dev.weft.test.EveryFlavor;
import dev.weft.test.RuntimeFlavor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link TaskLocal}: a value bound for the duration of an operation, per task. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TaskLocalTest {

    private static final TaskLocal<String> REQUEST = TaskLocal.named("request");

    @EveryFlavor
    void scope_bindsTheValueWhileTheOperationRuns(RuntimeFlavor flavor) {
        String seen = flavor.run(() -> REQUEST.scope("req-1", Async.of(REQUEST::get)).await());

        assertThat(seen).isEqualTo("req-1");
    }

    @EveryFlavor
    void nestedScope_shadowsTheOuterValue_andRestoresItAfterwards(RuntimeFlavor flavor) {
        List<String> seen = flavor.run(() -> REQUEST.scope("outer", Async.of(() -> {
            String inner = REQUEST.scope("inner", Async.of(REQUEST::get)).await();
            return List.of(inner, REQUEST.get());
        })).await());

        assertThat(seen).containsExactly("inner", "outer");
    }

    @EveryFlavor
    void scope_restoresTheBinding_whenTheOperationFails(RuntimeFlavor flavor) {
        Optional<String> after = flavor.run(() -> {
            assertThatThrownBy(() -> REQUEST.scope("failing", Async.run(() -> {
                throw new IllegalStateException("failed");
            })).await()).isInstanceOf(IllegalStateException.class);
            return REQUEST.tryGet();
        });

        assertThat(after).isEmpty();
    }

    @EveryFlavor
    void spawnedTask_doesNotInheritTheSpawnersBinding(RuntimeFlavor flavor) {
        Optional<String> inChild = flavor.run(() -> REQUEST.scope("parent",
                Async.of(() -> Weft.spawn(Async.of(REQUEST::tryGet)).await())).await());

        assertThat(inChild).isEmpty();
    }

    @EveryFlavor
    void tasksInterleavingAcrossAwaits_eachSeeTheirOwnBinding(RuntimeFlavor flavor) {
        List<String> seen = flavor.run(() -> {
            List<JoinHandle<String>> tasks = List.of("a", "b", "c").stream()
                    .map(id -> Weft.spawn(REQUEST.scope(id, Async.of(() -> {
                        StringBuilder trace = new StringBuilder();
                        for (int i = 0; i < 20; i++) {
                            Weft.yieldNow().await();
                            trace.append(REQUEST.get());
                        }
                        return trace.toString();
                    }))))
                    .toList();
            return tasks.stream().map(JoinHandle::await).toList();
        });

        assertThat(seen).containsExactly("a".repeat(20), "b".repeat(20), "c".repeat(20));
    }

    @EveryFlavor
    void get_whenUnbound_throwsNoSuchElementNamingTheTaskLocal(RuntimeFlavor flavor) {
        flavor.run(() -> assertThatThrownBy(REQUEST::get)
                .isInstanceOf(NoSuchElementException.class)
                .hasMessageContaining("request"));
    }

    @Test
    void get_outsideATask_throwsIllegalState() {
        assertThatThrownBy(REQUEST::get).isInstanceOf(IllegalStateException.class);
    }
}
