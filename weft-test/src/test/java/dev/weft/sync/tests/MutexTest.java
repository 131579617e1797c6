package dev.weft.sync.tests;

import dev.weft.Async;
import dev.weft.Weft;
import dev.weft.sync.Mutex;
import dev.weft.sync.MutexGuard;
import dev.weft.task.JoinHandle;
import dev.weft.test.AsyncAssertions;
import dev.weft.test.AsyncTest;
import dev.weft.time.Elapsed;
import dev.weft.time.Time;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Mutex semantics, on every flavour. */
class MutexTest {

    @AsyncTest(everyFlavor = true)
    void lock_givesAccessToTheValue_andClosingTheGuardUnlocks() {
        Mutex<String> mutex = new Mutex<>("a");
        try (MutexGuard<String> guard = mutex.lock().await()) {
            assertThat(mutex.isLocked()).isTrue();
            assertThat(guard.get()).isEqualTo("a");
            guard.set("b");
        }
        assertThat(mutex.isLocked()).isFalse();
        assertThat(mutex.tryLock()).hasValueSatisfying(guard -> assertThat(guard.get()).isEqualTo("b"));
    }

    @AsyncTest(everyFlavor = true)
    void tryLock_whenLocked_returnsEmpty() {
        Mutex<Integer> mutex = new Mutex<>(1);
        try (MutexGuard<Integer> held = mutex.lock().await()) {
            assertThat(mutex.tryLock()).isEmpty();
        }
    }

    @Test
    void aClosedGuard_refusesAccess_andClosingAgainDoesNothing() {
        Mutex<Integer> mutex = new Mutex<>(1);
        MutexGuard<Integer> guard = mutex.tryLock().orElseThrow();
        guard.close();
        guard.close();
        assertThatThrownBy(guard::get).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> guard.set(2)).isInstanceOf(IllegalStateException.class);
        MutexGuard<Integer> next = mutex.tryLock().orElseThrow();
        assertThat(mutex.tryLock()).isEmpty();
        next.close();
    }

    @AsyncTest(everyFlavor = true)
    void waiters_getTheLockInTheOrderTheyAskedForIt() {
        Mutex<List<Integer>> mutex = new Mutex<>(new ArrayList<>());
        MutexGuard<List<Integer>> held = mutex.lock().await();
        List<JoinHandle<Void>> waiters = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int index = i;
            JoinHandle<Void> waiter = Waiting.spawnParked(Async.run(() -> {
                try (MutexGuard<List<Integer>> guard = mutex.lock().await()) {
                    guard.get().add(index);
                }
            }));
            waiters.add(waiter);
        }
        held.close();
        for (JoinHandle<Void> waiter : waiters) {
            waiter.await();
        }
        try (MutexGuard<List<Integer>> guard = mutex.lock().await()) {
            assertThat(guard.get()).containsExactlyElementsOf(IntStream.range(0, 20).boxed().toList());
        }
    }

    @AsyncTest(everyFlavor = true)
    void anAbortedWaiter_neverLeavesTheMutexLocked() {
        Mutex<Integer> mutex = new Mutex<>(0);
        MutexGuard<Integer> held = mutex.lock().await();
        JoinHandle<MutexGuard<Integer>> first = Waiting.spawnParked(mutex.lock());
        JoinHandle<MutexGuard<Integer>> second = Waiting.spawnParked(mutex.lock());
        first.abort();
        AsyncAssertions.assertCancelled(first);
        held.close();
        second.await().close();
        assertThat(mutex.isLocked()).isFalse();
    }

    @AsyncTest(startPaused = true)
    void lockWithATimeout_thatElapses_throwsElapsed_andTheLockStaysWithItsHolder() {
        Mutex<Integer> mutex = new Mutex<>(0);
        MutexGuard<Integer> held = mutex.lock().await();
        assertThatThrownBy(() -> mutex.lock(Duration.ofMillis(100)).await())
                .isInstanceOf(Elapsed.class).hasMessageContaining("locking the mutex");
        assertThat(mutex.isLocked()).isTrue();
        held.close();
        assertThat(mutex.isLocked()).isFalse();
        Weft.spawn(Async.run(() -> {
            try (MutexGuard<Integer> guard = mutex.lock().await()) {
                Time.sleep(Duration.ofSeconds(1)).await();
            }
        }));
        Weft.yieldNow().await();
        try (MutexGuard<Integer> guard = mutex.lock(Duration.ofSeconds(2)).await()) {
            assertThat(guard.get()).isZero();
        }
    }

    @Test
    @Timeout(10)
    void blockingLock_onAPlatformThread_waitsForTheHolder() throws Exception {
        Mutex<Integer> mutex = new Mutex<>(0);
        MutexGuard<Integer> held = mutex.tryLock().orElseThrow();
        CompletableFuture<Integer> seen = new CompletableFuture<>();
        Thread thread = Thread.ofPlatform().start(() -> {
            try (MutexGuard<Integer> guard = mutex.blockingLock()) {
                seen.complete(guard.get());
            } catch (Throwable e) {
                seen.completeExceptionally(e);
            }
        });
        while (thread.getState() != Thread.State.WAITING) {
            Thread.onSpinWait();
        }
        held.set(7);
        held.close();
        assertThat(seen.get(10, TimeUnit.SECONDS)).isEqualTo(7);
    }

    @AsyncTest(everyFlavor = true)
    void tasksIncrementingUnderTheLock_loseNoUpdate() {
        Mutex<Integer> counter = new Mutex<>(0);
        List<JoinHandle<Void>> tasks = new ArrayList<>();
        for (int t = 0; t < 20; t++) {
            tasks.add(Weft.spawn(Async.run(() -> {
                for (int i = 0; i < 100; i++) {
                    try (MutexGuard<Integer> guard = counter.lock().await()) {
                        int seen = guard.get();
                        Weft.yieldNow().await();
                        guard.set(seen + 1);
                    }
                }
            })));
        }
        for (JoinHandle<Void> task : tasks) {
            task.await();
        }
        assertThat(counter.tryLock().orElseThrow().get()).isEqualTo(2_000);
    }

    @AsyncTest(everyFlavor = true)
    void theLockIsNotReentrant_aSecondLockByTheHolderWaits() {
        Mutex<Integer> mutex = new Mutex<>(0);
        try (MutexGuard<Integer> held = mutex.lock().await()) {
            AsyncAssertions.assertTimesOut(Duration.ofMillis(20), mutex.lock());
        }
        assertThat(mutex.isLocked()).isFalse();
    }
}
