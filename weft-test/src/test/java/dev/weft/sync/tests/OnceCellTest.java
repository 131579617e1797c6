package dev.weft.sync.tests;

import dev.weft.Async;
import dev.weft.Weft;
import dev.weft.sync.Notify;
import dev.weft.sync.OnceCell;
import dev.weft.task.JoinHandle;
import dev.weft.test.AsyncAssertions;
import dev.weft.test.AsyncTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** OnceCell semantics, on every flavour. */
class OnceCellTest {

    @AsyncTest(everyFlavor = true)
    void getOrInit_runsOneInitialiser_andEveryCallerGetsItsValue() {
        OnceCell<String> cell = new OnceCell<>();
        AtomicInteger runs = new AtomicInteger();
        Async<String> init = Async.of(() -> {
            runs.incrementAndGet();
            Weft.yieldNow().await();
            return "value";
        });
        List<JoinHandle<String>> callers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            callers.add(Weft.spawn(cell.getOrInit(init)));
        }
        for (JoinHandle<String> caller : callers) {
            assertThat(caller.await()).isEqualTo("value");
        }
        assertThat(runs).hasValue(1);
        assertThat(cell.initialized()).isTrue();
        assertThat(cell.get()).contains("value");
    }

    @AsyncTest(everyFlavor = true)
    void aFailingInitialiser_leavesTheCellEmpty_andTheNextWaiterTries() {
        OnceCell<String> cell = new OnceCell<>();
        Notify release = new Notify();
        JoinHandle<String> failing = Waiting.spawnParked(cell.getOrInit(Async.of(() -> {
            release.notified().await();
            throw new IllegalStateException("boom");
        })));
        JoinHandle<String> next = Waiting.spawnParked(cell.getOrInit(Async.of(() -> "second")));
        release.notifyOne();
        assertThatThrownBy(failing::await).isInstanceOf(IllegalStateException.class).hasMessage("boom");
        assertThat(next.await()).isEqualTo("second");
        assertThat(cell.get()).contains("second");
    }

    @AsyncTest(everyFlavor = true)
    void aCancelledInitialiser_leavesTheCellEmpty_andTheNextWaiterTries() {
        OnceCell<String> cell = new OnceCell<>();
        JoinHandle<String> stuck = Waiting.spawnParked(cell.getOrInit(new Notify().notified().map(none -> "never")));
        JoinHandle<String> next = Waiting.spawnParked(cell.getOrInit(Async.of(() -> "second")));
        stuck.abort();
        AsyncAssertions.assertCancelled(stuck);
        assertThat(next.await()).isEqualTo("second");
    }

    @AsyncTest(everyFlavor = true)
    void set_onAnEmptyCell_setsTheValue_andLaterCallsChangeNothing() {
        OnceCell<Integer> cell = new OnceCell<>();
        assertThat(cell.get()).isEmpty();
        assertThat(cell.set(1)).isTrue();
        assertThat(cell.set(2)).isFalse();
        assertThat(cell.getOrInit(Async.of(() -> 3)).await()).isEqualTo(1);
    }

    @AsyncTest(everyFlavor = true)
    void set_whileAnInitialiserRuns_returnsFalse() {
        OnceCell<Integer> cell = new OnceCell<>();
        Notify release = new Notify();
        JoinHandle<Integer> initialiser = Waiting.spawnParked(cell.getOrInit(release.notified().map(none -> 1)));
        assertThat(cell.set(2)).isFalse();
        release.notifyOne();
        assertThat(initialiser.await()).isEqualTo(1);
    }

    @AsyncTest(everyFlavor = true)
    void anInitialiserReturningNull_fails_andLeavesTheCellEmpty() {
        OnceCell<String> cell = new OnceCell<>();
        assertThatThrownBy(() -> cell.getOrInit(Async.of(() -> null)).await())
                .isInstanceOf(NullPointerException.class).hasMessageContaining("null");
        assertThat(cell.initialized()).isFalse();
        assertThat(cell.getOrInit(Async.of(() -> "ok")).await()).isEqualTo("ok");
    }

    @Test
    void aCellCreatedWithAValue_isInitialised() {
        OnceCell<String> cell = new OnceCell<>("ready");
        assertThat(cell.initialized()).isTrue();
        assertThat(cell.set("other")).isFalse();
        assertThat(cell).hasToString("OnceCell[ready]");
    }
}
