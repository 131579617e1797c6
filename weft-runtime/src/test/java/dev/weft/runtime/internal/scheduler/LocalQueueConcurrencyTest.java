package dev.weft.runtime.internal.scheduler;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An owner pushing and popping while several stealers steal from its {@link LocalQueue}: every task is
 * taken exactly once, whether by the owner, a stealer, or from the overflow in the inject queue.
 */
class LocalQueueConcurrencyTest {

    private static final int TASKS = 1_000_000;
    private static final int STEALERS = 3;

    private final LocalQueue queue = new LocalQueue();
    private final InjectQueue inject = new InjectQueue();
    private final AtomicIntegerArray taken = new AtomicIntegerArray(TASKS);
    private final AtomicLong stolen = new AtomicLong();
    private volatile boolean ownerDone;

    private void take(Runnable task) {
        taken.incrementAndGet(NumberedTask.idOf(task));
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void concurrentStealers_neverLoseNorDuplicateATask() throws InterruptedException {
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> stealers = new ArrayList<>();
        for (int i = 0; i < STEALERS; i++) {
            stealers.add(Thread.ofPlatform().daemon().start(() -> steal(start)));
        }

        start.countDown();
        own();
        for (Thread stealer : stealers) {
            stealer.join();
        }

        List<Integer> wrong = IntStream.range(0, TASKS).filter(id -> taken.get(id) != 1).boxed().toList();
        assertThat(wrong).as("ids not taken exactly once").isEmpty();
        assertThat(stolen.get()).as("tasks taken by stealers").isPositive();
    }

    private void own() {
        for (int id = 0; id < TASKS; id++) {
            queue.pushBack(new NumberedTask(id), inject);
            if (id % 3 == 0) {
                Runnable task = queue.pop();
                if (task != null) {
                    take(task);
                }
            }
            if (id % 64 == 0) {
                Runnable overflowed = inject.poll();
                if (overflowed != null) {
                    take(overflowed);
                }
            }
        }
        for (Runnable task; (task = queue.pop()) != null || (task = inject.poll()) != null; ) {
            take(task);
        }
        ownerDone = true;
    }

    private void steal(CountDownLatch start) {
        LocalQueue own = new LocalQueue();
        try {
            start.await();
        } catch (InterruptedException e) {
            return;
        }
        while (!ownerDone) {
            Runnable first = queue.stealInto(own);
            if (first == null) {
                Thread.onSpinWait();
                continue;
            }
            take(first);
            stolen.incrementAndGet();
            for (Runnable task; (task = own.pop()) != null; ) {
                take(task);
                stolen.incrementAndGet();
            }
        }
    }
}
