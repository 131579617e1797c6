package dev.weft.runtime.internal.engine;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine seam with {@code java.lang} opened (as Surefire does): virtual threads whose continuations
 * are handed to the scheduler Weft gives them.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class WeftScheduledThreadsTest {

    private final ExecutorService carrier = Executors.newSingleThreadExecutor(
            runnable -> Thread.ofPlatform().name("test-carrier").daemon().unstarted(runnable));
    private final AtomicInteger submissions = new AtomicInteger();
    private final WeftScheduledThreads threads = new WeftScheduledThreads(continuation -> {
        submissions.incrementAndGet();
        carrier.execute(continuation);
    });

    @AfterEach
    void stopCarrier() {
        carrier.shutdownNow();
    }

    @Test
    void hookIsAvailable_whenJavaLangIsOpen() {
        assertThat(JdkVirtualThreadAccess.isAvailable()).isTrue();
        assertThat(JdkVirtualThreadAccess.unavailableReason()).isNull();
        assertThat(threads.ownsScheduling()).isTrue();
    }

    @Test
    void newTaskThread_isAVirtualThreadCarriedByTheGivenScheduler() throws InterruptedException {
        AtomicReference<Thread> carriedBy = new AtomicReference<>();
        Thread task = threads.newTaskThread(() -> carriedBy.set(JdkVirtualThreadAccess.currentCarrierThread()));

        task.start();
        task.join();

        assertThat(task.isVirtual()).isTrue();
        assertThat(carriedBy.get().getName()).isEqualTo("test-carrier");
        assertThat(submissions).hasPositiveValue();
    }

    @Test
    void unparkingAParkedTaskThread_submitsItToTheSchedulerAgain() throws InterruptedException {
        Thread task = threads.newTaskThread(LockSupport::park);
        task.start();
        while (task.getState() != Thread.State.WAITING) {
            Thread.onSpinWait();
        }
        int beforeUnpark = submissions.get();

        LockSupport.unpark(task);
        task.join();

        assertThat(submissions.get()).isGreaterThan(beforeUnpark);
    }

    @Test
    void currentCarrierThread_ofAPlatformThread_isThatThread() {
        assertThat(JdkVirtualThreadAccess.currentCarrierThread()).isSameAs(Thread.currentThread());
    }
}
