package dev.weft.runtime.tests;

import dev.weft.Async;
import dev.weft.Weft;
import dev.weft.runtime.AsyncRuntime;
import dev.weft.runtime.Flavor;
import dev.weft.runtime.RuntimeHandle;
import dev.weft.task.CancelledException;
import dev.weft.task.JoinHandle;
import dev.weft.test.EveryFlavor;
import dev.weft.test.RuntimeFlavor;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code spawnBlocking}: a bounded pool of platform threads for calls that would hold a worker. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BlockingPoolTest {

    @EveryFlavor
    void spawnBlocking_runsTheBodyOnADaemonPlatformThreadOfThePool(RuntimeFlavor flavor) {
        try (AsyncRuntime runtime = flavor.builder().threadNamePrefix("pool-").build()) {
            Thread thread = runtime.blockOn(Async.of(() -> Weft.spawnBlocking(Thread::currentThread).await()));

            assertThat(thread.isVirtual()).isFalse();
            assertThat(thread.isDaemon()).isTrue();
            assertThat(thread.getName()).startsWith("pool-blocking-");
        }
    }

    @EveryFlavor
    void pool_neverRunsMoreThanMaxBlockingThreadsCallsAtOnce(RuntimeFlavor flavor) {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        try (AsyncRuntime runtime = flavor.builder().maxBlockingThreads(2).build()) {
            runtime.blockOn(Async.run(() -> {
                CountDownLatch release = new CountDownLatch(1);
                List<JoinHandle<Void>> calls = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    calls.add(Weft.spawnBlocking(() -> {
                        mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                        try {
                            release.await();
                        } finally {
                            running.decrementAndGet();
                        }
                        return null;
                    }));
                }
                Eventually.until("two calls run", () -> running.get() == 2);
                assertThat(runtime.metrics().blockingThreads()).isEqualTo(2);

                release.countDown();
                calls.forEach(JoinHandle::await);
            }));
        }

        assertThat(mostAtOnce).hasValue(2);
    }

    @EveryFlavor
    void idleBlockingThread_exitsAfterTheKeepAlive(RuntimeFlavor flavor) {
        AtomicInteger blockingThreadsStopped = new AtomicInteger();
        try (AsyncRuntime runtime = flavor.builder()
                .threadNamePrefix("keep-alive-")
                .blockingKeepAlive(Duration.ofMillis(50))
                .onThreadStop(() -> {
                    if (Thread.currentThread().getName().startsWith("keep-alive-blocking-")) {
                        blockingThreadsStopped.incrementAndGet();
                    }
                })
                .build()) {
            runtime.blockOn(Async.of(() -> Weft.spawnBlocking(() -> 1).await()));

            Eventually.until("the idle blocking thread exits", () -> blockingThreadsStopped.get() == 1);

            assertThat(runtime.metrics().blockingThreads()).isZero();
        }
    }

    @EveryFlavor
    void threadHooks_runFirstAndLast_onEveryThreadTheRuntimeStarts(RuntimeFlavor flavor) {
        Set<String> started = ConcurrentHashMap.newKeySet();
        Set<String> stopped = ConcurrentHashMap.newKeySet();
        int workers;
        try (AsyncRuntime runtime = flavor.builder()
                .threadNamePrefix("hooked-")
                .onThreadStart(() -> started.add(Thread.currentThread().getName()))
                .onThreadStop(() -> stopped.add(Thread.currentThread().getName()))
                .build()) {
            workers = runtime.flavor() == Flavor.MULTI_THREAD ? runtime.metrics().workers().size() : 0;

            boolean startHookRanFirst = runtime.blockOn(Async.of(() -> Weft.spawnBlocking(
                    () -> started.contains(Thread.currentThread().getName())).await()));

            assertThat(startHookRanFirst).isTrue();
        }

        Eventually.until("every started thread ran its stop hook", () -> stopped.equals(started));
        assertThat(started).filteredOn(name -> name.startsWith("hooked-worker-")).hasSize(workers);
        assertThat(started).anyMatch(name -> name.startsWith("hooked-blocking-"));
    }

    @EveryFlavor
    void abort_ofAQueuedBlockingCall_meansItNeverRuns(RuntimeFlavor flavor) {
        AtomicBoolean queuedRan = new AtomicBoolean();
        try (AsyncRuntime runtime = flavor.builder().maxBlockingThreads(1).build()) {
            runtime.blockOn(Async.run(() -> {
                HeldCall<String> occupying = new HeldCall<>("finished");
                JoinHandle<String> running = Weft.spawnBlocking(occupying);
                occupying.awaitStarted();
                JoinHandle<Boolean> queued = Weft.spawnBlocking(() -> queuedRan.getAndSet(true));

                queued.abort();
                occupying.release();

                assertThat(running.await()).isEqualTo("finished");
                assertThatThrownBy(queued::await).isInstanceOf(CancelledException.class);
            }));
        }

        assertThat(queuedRan).isFalse();
    }

    @EveryFlavor
    void abort_ofARunningBlockingCall_hasNoEffect(RuntimeFlavor flavor) {
        String value = flavor.run(() -> {
            HeldCall<String> held = new HeldCall<>("finished anyway");
            JoinHandle<String> call = Weft.spawnBlocking(held);
            held.awaitStarted();

            call.abort();
            held.release();

            return call.await();
        });

        assertThat(value).isEqualTo("finished anyway");
    }

    @EveryFlavor
    void blockingBody_belongsToItsRuntime_andMaySpawnTasksIntoIt(RuntimeFlavor flavor) {
        try (AsyncRuntime runtime = flavor.build()) {
            int value = runtime.blockOn(Async.of(() -> Weft.spawnBlocking(() -> {
                assertThat(RuntimeHandle.current()).containsSame(runtime.handle());
                return Weft.spawn(Async.completed(5));
            }).await().await()));

            assertThat(value).isEqualTo(5);
        }
    }
}
