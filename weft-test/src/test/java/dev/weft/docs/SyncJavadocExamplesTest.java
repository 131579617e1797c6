package dev.weft.docs;

import dev.weft.Async;
import dev.weft.Weft;
import dev.weft.runtime.AsyncRuntime;
import dev.weft.sync.Barrier;
import dev.weft.sync.BarrierResult;
import dev.weft.sync.CancellationToken;
import dev.weft.sync.Mutex;
import dev.weft.sync.MutexGuard;
import dev.weft.sync.Notify;
import dev.weft.sync.OnceCell;
import dev.weft.sync.RwLock;
import dev.weft.sync.RwLockReadGuard;
import dev.weft.sync.RwLockWriteGuard;
import dev.weft.sync.Semaphore;
import dev.weft.sync.SemaphorePermit;
import dev.weft.sync.TaskTracker;
import dev.weft.task.JoinHandle;
import dev.weft.time.Time;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The examples of the public javadoc of {@code dev.weft.sync}'s primitives, run as they are written there,
 * so that they compile and do what the docs say. Keep each in step with the {@code {@snippet}} it mirrors.
 */
@Timeout(30)
class SyncJavadocExamplesTest {

    @Test
    void semaphore_exampleHoldsOneOfTwoPermits() {
        Semaphore connections = new Semaphore(2);
        AsyncRuntime.run(() -> {
            try (SemaphorePermit permit = connections.acquire().await()) {
                System.out.println("one of at most two at a time; " + connections.availablePermits() + " left");
                assertThat(connections.availablePermits()).isEqualTo(1);
            }
        });
        assertThat(connections.availablePermits()).isEqualTo(2);
    }

    @Test
    void semaphorePermit_exampleTakesTwoOfThree() {
        Semaphore pool = new Semaphore(3);
        AsyncRuntime.run(() -> {
            try (SemaphorePermit two = pool.acquire(2).await()) {
                System.out.println(two.permits() + " taken, " + pool.availablePermits() + " free");
                assertThat(two.permits()).isEqualTo(2);
                assertThat(pool.availablePermits()).isEqualTo(1);
            }
        });
        assertThat(pool.availablePermits()).isEqualTo(3);
    }

    @Test
    void mutex_exampleCountsTenIncrements() {
        Mutex<Integer> counter = new Mutex<>(0);
        int total = AsyncRuntime.run(() -> {
            List<JoinHandle<Void>> tasks = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                tasks.add(Weft.spawn(Async.run(() -> {
                    try (MutexGuard<Integer> guard = counter.lock().await()) {
                        guard.set(guard.get() + 1);
                    }
                })));
            }
            for (JoinHandle<Void> task : tasks) {
                task.await();
            }
            try (MutexGuard<Integer> guard = counter.lock().await()) {
                return guard.get();
            }
        });
        assertThat(total).isEqualTo(10);
    }

    @Test
    void mutexGuard_exampleAddsAnEntry() {
        Mutex<List<String>> log = new Mutex<>(new ArrayList<>());
        AsyncRuntime.run(() -> {
            try (MutexGuard<List<String>> guard = log.lock().await()) {
                guard.get().add("entry");
            }
        });
        assertThat(log.tryLock().orElseThrow().get()).containsExactly("entry");
    }

    @Test
    void rwLock_exampleReadsWhatWasWritten() {
        RwLock<Map<String, Integer>> scores = new RwLock<>(new HashMap<>());
        int alice = AsyncRuntime.run(() -> {
            try (RwLockWriteGuard<Map<String, Integer>> write = scores.write().await()) {
                write.get().put("alice", 3);
            }
            try (RwLockReadGuard<Map<String, Integer>> read = scores.read().await()) {
                return read.get().get("alice");
            }
        });
        assertThat(alice).isEqualTo(3);
    }

    @Test
    void rwLockReadGuard_exampleReadsTheValue() {
        RwLock<String> config = new RwLock<>("v1");
        AsyncRuntime.run(() -> {
            try (RwLockReadGuard<String> read = config.read().await()) {
                System.out.println(read.get());
                assertThat(read.get()).isEqualTo("v1");
            }
        });
    }

    @Test
    void rwLockWriteGuard_exampleReplacesTheValue() {
        RwLock<String> config = new RwLock<>("v1");
        AsyncRuntime.run(() -> {
            try (RwLockWriteGuard<String> write = config.write().await()) {
                write.set("v2");
            }
        });
        assertThat(config.tryRead().orElseThrow().get()).isEqualTo("v2");
    }

    @Test
    void notify_exampleWakesTheWaiter() {
        Notify ready = new Notify();
        AsyncRuntime.run(() -> {
            JoinHandle<String> waiter = Weft.spawn(Async.of(() -> {
                ready.notified().await();
                return "woken";
            }));
            ready.notifyOne();
            System.out.println(waiter.await());
            assertThat(waiter.await()).isEqualTo("woken");
        });
    }

    @Test
    void notified_exampleWaitsUntilTheConditionHolds() {
        Notify changes = new Notify();
        AtomicBoolean flag = new AtomicBoolean();
        AsyncRuntime.run(() -> {
            Weft.spawn(Async.run(() -> {
                flag.set(true);
                changes.notifyWaiters();
            }));
            java.util.function.BooleanSupplier condition = flag::get;
            Async<Void> wakeUp = changes.notified();
            while (!condition.getAsBoolean()) {
                wakeUp.await();
                wakeUp = changes.notified();
            }
        });
        assertThat(flag).isTrue();
    }

    @Test
    void barrier_exampleHasOneLeader() {
        Barrier barrier = new Barrier(3);
        long leaders = AsyncRuntime.run(() -> {
            List<JoinHandle<BarrierResult>> tasks = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                tasks.add(Weft.spawn(barrier.arrive()));
            }
            long count = 0;
            for (JoinHandle<BarrierResult> task : tasks) {
                count += task.await().isLeader() ? 1 : 0;
            }
            return count;
        });
        assertThat(leaders).isEqualTo(1);
    }

    @Test
    void barrierResult_exampleMakesTheOnlyPartyTheLeader() {
        Barrier barrier = new Barrier(1);
        boolean leader = AsyncRuntime.run(() -> barrier.arrive().await().isLeader());
        assertThat(leader).isTrue();
    }

    @Test
    void onceCell_exampleInitialisesOnce() {
        OnceCell<String> config = new OnceCell<>();
        String loaded = AsyncRuntime.run(() -> {
            String first = config.getOrInit(Async.of(() -> "loaded once")).await();
            String second = config.getOrInit(Async.of(() -> "never runs")).await();
            return first + " / " + second;
        });
        assertThat(loaded).isEqualTo("loaded once / loaded once");
    }

    @Test
    void cancellationToken_exampleCancelsTheChildsSleep() {
        CancellationToken shutdown = new CancellationToken();
        AsyncRuntime.run(() -> {
            CancellationToken worker = shutdown.child();
            JoinHandle<Optional<String>> task = Weft.spawn(
                    worker.runUntilCancelled(Time.sleep(Duration.ofHours(1)).map(done -> "finished")));
            shutdown.cancel();
            System.out.println(task.await());
            assertThat(task.await()).isEmpty();
        });
    }

    @Test
    void dropGuard_exampleCancelsOnClose() {
        CancellationToken token = new CancellationToken();
        try (CancellationToken.DropGuard guard = token.dropGuard()) {
            assertThat(token.isCancelled()).isFalse();
        }
        assertThat(token.isCancelled()).isTrue();
    }

    @Test
    void taskTracker_exampleWaitsForThreeTasks() {
        TaskTracker tracker = new TaskTracker();
        AtomicInteger ran = new AtomicInteger();
        AsyncRuntime.run(() -> {
            for (int i = 0; i < 3; i++) {
                int n = i;
                tracker.spawn(Async.run(() -> {
                    System.out.println("task " + n);
                    ran.incrementAndGet();
                }));
            }
            tracker.close();
            tracker.waitAll().await();
            assertThat(ran).hasValue(3);
        });
    }
}
