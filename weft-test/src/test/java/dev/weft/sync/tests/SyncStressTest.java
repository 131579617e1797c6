package dev.weft.sync.tests;

import dev.weft.Async;
import dev.weft.Weft;
import dev.weft.sync.Mutex;
import dev.weft.sync.MutexGuard;
import dev.weft.sync.Notify;
import dev.weft.sync.RwLock;
import dev.weft.sync.RwLockReadGuard;
import dev.weft.sync.RwLockWriteGuard;
import dev.weft.sync.Semaphore;
import dev.weft.sync.SemaphorePermit;
import dev.weft.task.CancelledException;
import dev.weft.task.JoinHandle;
import dev.weft.test.EveryFlavor;
import dev.weft.test.RuntimeFlavor;
import dev.weft.time.Elapsed;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bounded stress: many tasks hammering one primitive. A lost wake-up leaves a task waiting for ever, so
 * the test would not finish within its timeout; a broken exclusion or a lost permit shows in the counts.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SyncStressTest {

    private static final long SEED = 20_260_501L;

    @EveryFlavor
    void twoHundredTasks_incrementingAThousandTimesEachUnderAMutex_countExactly(RuntimeFlavor flavor) {
        Mutex<long[]> counter = new Mutex<>(new long[1]);
        long total = flavor.run(() -> {
            awaitAll(200, task -> Async.run(() -> {
                for (int i = 0; i < 1_000; i++) {
                    try (MutexGuard<long[]> guard = counter.lock().await()) {
                        guard.get()[0]++;
                    }
                }
            }));
            return counter.lock().await().get()[0];
        });
        assertThat(total).isEqualTo(200_000);
    }

    @EveryFlavor
    void tasksTakingRandomPermitCounts_neverExceedTheSemaphore_andGiveEveryPermitBack(RuntimeFlavor flavor) {
        int capacity = 10;
        Semaphore semaphore = new Semaphore(capacity);
        AtomicInteger inUse = new AtomicInteger();
        AtomicInteger mostInUse = new AtomicInteger();
        flavor.run(() -> awaitAll(100, task -> Async.run(() -> {
            SplittableRandom random = new SplittableRandom(SEED + task);
            for (int i = 0; i < 200; i++) {
                int count = 1 + random.nextInt(capacity);
                try (SemaphorePermit permit = semaphore.acquire(count).await()) {
                    int now = inUse.addAndGet(count);
                    mostInUse.accumulateAndGet(now, Math::max);
                    if (random.nextBoolean()) {
                        Weft.yieldNow().await();
                    }
                    inUse.addAndGet(-count);
                }
            }
        })));
        assertThat(mostInUse.get()).as("seed %d", SEED).isLessThanOrEqualTo(capacity);
        assertThat(semaphore.availablePermits()).isEqualTo(capacity);
    }

    @EveryFlavor
    void acquisitionsAbortedAndTimedOutAtRandom_loseNoPermit(RuntimeFlavor flavor) {
        int capacity = 8;
        Semaphore semaphore = new Semaphore(capacity);
        AtomicLong served = new AtomicLong();
        flavor.run(() -> {
            SplittableRandom random = new SplittableRandom(SEED);
            for (int round = 0; round < 50; round++) {
                List<JoinHandle<Void>> tasks = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    int count = 1 + random.nextInt(capacity);
                    boolean timed = random.nextBoolean();
                    tasks.add(Weft.spawn(Async.run(() -> {
                        Async<SemaphorePermit> acquire = timed
                                ? semaphore.acquire(count, Duration.ofNanos(1 + count * 1_000L))
                                : semaphore.acquire(count);
                        try (SemaphorePermit permit = acquire.await()) {
                            served.incrementAndGet();
                            Weft.yieldNow().await();
                        } catch (Elapsed expected) {
                            // gave up: must have given back anything assigned to it
                        }
                    })));
                }
                Weft.yieldNow().await();
                for (int i = 0; i < tasks.size(); i += 1 + random.nextInt(3)) {
                    tasks.get(i).abort();
                }
                for (JoinHandle<Void> task : tasks) {
                    try {
                        task.await();
                    } catch (CancelledException aborted) {
                        // the abort reached it while it waited or worked
                    }
                }
                assertThat(semaphore.availablePermits()).as("round %d, seed %d", round, SEED).isEqualTo(capacity);
            }
        });
        assertThat(served.get()).isPositive();
    }

    @EveryFlavor
    void pairsPassingATurnWithNotifyOne_neverLoseAWakeUp(RuntimeFlavor flavor) {
        int pairs = 100;
        int turns = 500;
        long passes = flavor.run(() -> awaitAll(pairs, pair -> {
            Notify[] sides = {new Notify(), new Notify()};
            return Async.run(() -> {
                JoinHandle<Void> other = Weft.spawn(Async.run(() -> {
                    for (int i = 0; i < turns; i++) {
                        sides[1].notified().await();
                        sides[0].notifyOne();
                    }
                }));
                for (int i = 0; i < turns; i++) {
                    sides[1].notifyOne();
                    sides[0].notified().await();
                }
                other.await();
            });
        }));
        assertThat(passes).isEqualTo(pairs);
    }

    @EveryFlavor
    void readersAndWritersOnAnRwLock_seeOnlyWholeWrites(RuntimeFlavor flavor) {
        RwLock<long[]> lock = new RwLock<>(new long[2], 8);
        AtomicLong tornReads = new AtomicLong();
        flavor.run(() -> awaitAll(64, task -> Async.run(() -> {
            for (int i = 0; i < 300; i++) {
                if (task % 8 == 0) {
                    try (RwLockWriteGuard<long[]> write = lock.write().await()) {
                        write.get()[0]++;
                        write.get()[1]++;
                    }
                } else {
                    try (RwLockReadGuard<long[]> read = lock.read().await()) {
                        if (read.get()[0] != read.get()[1]) {
                            tornReads.incrementAndGet();
                        }
                    }
                }
            }
        })));
        assertThat(tornReads).hasValue(0);
        assertThat(lock.tryRead().orElseThrow().get()).containsExactly(8 * 300, 8 * 300);
    }

    /** Spawns {@code count} tasks made by {@code body} and awaits them all; returns how many finished. */
    private static long awaitAll(int count, java.util.function.IntFunction<Async<Void>> body) {
        List<JoinHandle<Void>> tasks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tasks.add(Weft.spawn(body.apply(i)));
        }
        for (JoinHandle<Void> task : tasks) {
            task.await();
        }
        return tasks.size();
    }
}
