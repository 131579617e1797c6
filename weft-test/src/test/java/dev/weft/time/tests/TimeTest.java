package dev.weft.time.tests;

import dev.weft.Async;
import dev.weft.Weft;
import dev.weft.runtime.AsyncRuntime;
import dev.weft.task.CancelledException;
import dev.weft.task.JoinHandle;
import dev.weft.test.AsyncAssertions;
import dev.weft.test.AsyncTest;
import dev.weft.test.EveryFlavor;
import dev.weft.test.RuntimeFlavor;
import dev.weft.time.Elapsed;
import dev.weft.time.Moment;
import dev.weft.time.TestClock;
import dev.weft.time.Time;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Sleep, timeout and the clock, on a paused clock where the flavour allows it and on the real one. */
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TimeTest {

    private static AsyncRuntime paused() {
        return AsyncRuntime.builder().currentThread().startPaused(true).build();
    }

    @AsyncTest(startPaused = true)
    void sleepOfAnHour_underAPausedClock_endsAtOnceWithTheClockAnHourLater() {
        Moment start = Time.now();
        Time.sleep(Duration.ofHours(1)).await();
        assertThat(Time.now().durationSince(start)).isEqualTo(Duration.ofHours(1));
    }

    @EveryFlavor
    void sleep_onTheRealClock_lastsAtLeastItsDuration(RuntimeFlavor flavor) {
        Duration slept = flavor.run(() -> {
            Moment start = Time.now();
            Time.sleep(Duration.ofMillis(5)).await();
            return Time.now().durationSince(start);
        });
        assertThat(slept).isGreaterThanOrEqualTo(Duration.ofMillis(5));
    }

    @EveryFlavor
    void anEarlierTimer_wakesTheWorkerParkedOnALaterOne(RuntimeFlavor flavor) {
        try (AsyncRuntime runtime = flavor.build()) {
            JoinHandle<Void> late = runtime.spawn(Time.sleep(Duration.ofMinutes(10)));
            runtime.blockOn(Time.sleep(Duration.ofMillis(2)));
            assertThat(late.isFinished()).isFalse();
            late.abort();
        }
    }

    @Test
    void sleepingTasks_wakeInDeadlineOrder() {
        SplittableRandom random = new SplittableRandom(3);
        List<Long> deadlines = new ArrayList<>();
        List<Long> wakeOrder = Collections.synchronizedList(new ArrayList<>());
        try (AsyncRuntime runtime = paused()) {
            runtime.blockOn(Async.run(() -> {
                List<JoinHandle<Void>> sleepers = new ArrayList<>();
                for (int i = 0; i < 10_000; i++) {
                    long millis = 1 + random.nextLong(100_000);
                    deadlines.add(millis);
                    sleepers.add(Weft.spawn(Async.run(() -> {
                        Time.sleep(Duration.ofMillis(millis)).await();
                        wakeOrder.add(millis);
                    })));
                }
                for (JoinHandle<Void> sleeper : sleepers) {
                    sleeper.await();
                }
            }));
        }
        Collections.sort(deadlines);
        assertThat(wakeOrder).containsExactlyElementsOf(deadlines);
    }

    @Test
    void timeout_cancelsTheOperation_andItHasUnwoundBeforeElapsedIsThrown() {
        AtomicBoolean unwound = new AtomicBoolean();
        try (AsyncRuntime runtime = paused()) {
            runtime.blockOn(Async.run(() -> {
                Moment start = Time.now();
                Async<Void> slow = Async.run(() -> {
                    try {
                        Time.sleep(Duration.ofHours(1)).await();
                    } finally {
                        unwound.set(true);
                    }
                });
                assertThatThrownBy(() -> Time.timeout(Duration.ofSeconds(1), slow).await())
                        .isInstanceOf(Elapsed.class)
                        .hasMessageContaining("PT1S")
                        .hasCauseInstanceOf(CancelledException.class);
                assertThat(unwound).isTrue();
                assertThat(Time.now().durationSince(start)).isEqualTo(Duration.ofSeconds(1));
                Time.sleep(Duration.ofMillis(1)).await();
            }));
            assertThat(runtime.metrics().pendingTimers()).isZero();
        }
    }

    @EveryFlavor
    void timeout_ofAnOperationThatFinishesInTime_returnsItsValue_andReleasesItsTimer(RuntimeFlavor flavor) {
        try (AsyncRuntime runtime = flavor.build()) {
            int value = runtime.blockOn(Time.timeout(Duration.ofHours(1), Async.of(() -> {
                Weft.yieldNow().await();
                return 42;
            })));
            assertThat(value).isEqualTo(42);
            assertThat(runtime.metrics().pendingTimers()).isZero();
        }
    }

    @AsyncTest(startPaused = true)
    void nestedTimeouts_theOuterDeadline_cancelsThroughTheInnerOne(AsyncRuntime runtime) {
        Async<Void> inner = Time.timeout(Duration.ofHours(2), Time.sleep(Duration.ofHours(3)));
        assertThatThrownBy(() -> Time.timeout(Duration.ofHours(1), inner).await())
                .isInstanceOf(Elapsed.class).hasMessageContaining("PT1H");
        assertThat(runtime.metrics().pendingTimers()).isZero();
    }

    @EveryFlavor
    void abortedSleeps_releaseTheirTimers(RuntimeFlavor flavor) {
        try (AsyncRuntime runtime = flavor.build()) {
            runtime.blockOn(Async.run(() -> {
                for (int round = 0; round < 100; round++) {
                    List<JoinHandle<Void>> sleepers = new ArrayList<>();
                    for (int i = 0; i < 100; i++) {
                        sleepers.add(Weft.spawn(Time.sleep(Duration.ofDays(1 + i))));
                    }
                    Weft.yieldNow().await();
                    for (JoinHandle<Void> sleeper : sleepers) {
                        sleeper.abort();
                    }
                    for (JoinHandle<Void> sleeper : sleepers) {
                        assertThatThrownBy(sleeper::await).isInstanceOf(CancelledException.class);
                    }
                }
            }));
            assertThat(runtime.metrics().pendingTimers()).isZero();
        }
    }

    @Test
    void aMillionTimeoutsCreatedAndCancelled_leaveTheWheelEmpty() {
        try (AsyncRuntime runtime = paused()) {
            Async<Integer> ready = Async.completed(1);
            long total = runtime.blockOn(Async.of(() -> {
                long sum = 0;
                for (int i = 0; i < 1_000_000; i++) {
                    sum += Time.timeout(Duration.ofSeconds(1), ready).await();
                }
                return sum;
            }));
            assertThat(total).isEqualTo(1_000_000);
            assertThat(runtime.metrics().pendingTimers()).isZero();
        }
    }

    @AsyncTest(startPaused = true)
    void advance_firesTheTimersThatFallDue_andNoOthers() {
        JoinHandle<Void> sleeper = Weft.spawn(Time.sleep(Duration.ofSeconds(10)));
        Weft.yieldNow().await();
        TestClock.advance(Duration.ofSeconds(5)).await();
        AsyncAssertions.assertPending(sleeper);
        TestClock.advance(Duration.ofSeconds(5)).await();
        assertThat(sleeper.isFinished()).isTrue();
    }

    @AsyncTest
    void pauseAndResume_theClockStandsStillThenRunsOnFromWhereItStood() {
        TestClock.pause();
        assertThat(TestClock.isPaused()).isTrue();
        Moment frozen = Time.now();
        Weft.yieldNow().await();
        assertThat(Time.now()).isEqualTo(frozen);
        assertThatThrownBy(TestClock::pause).isInstanceOf(IllegalStateException.class);
        TestClock.resume();
        assertThat(Time.now().isBefore(frozen)).isFalse();
        assertThatThrownBy(TestClock::resume).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void pausedClock_onTheMultiThreadFlavour_isRefusedClearly() {
        assertThatThrownBy(() -> AsyncRuntime.builder().multiThread().startPaused(true).build())
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("current-thread");
        try (AsyncRuntime runtime = RuntimeFlavor.MULTI_THREAD_1.build()) {
            runtime.blockOn(Async.run(() -> assertThatThrownBy(TestClock::pause)
                    .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("current-thread")));
        }
    }

    @Test
    void durations_thatAreNegativeOrAbsurd_areRefused_butYearsWork() {
        assertThatThrownBy(() -> Time.sleep(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("duration < 0: PT-0.001S");
        assertThatThrownBy(() -> Time.sleep(Duration.ofSeconds(Long.MAX_VALUE)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duration > 100 years");
        try (AsyncRuntime runtime = paused()) {
            Duration slept = runtime.blockOn(Async.of(() -> {
                Moment start = Time.now();
                Time.sleep(Duration.ofDays(3 * 365)).await();
                return Time.now().durationSince(start);
            }));
            assertThat(slept).isBetween(Duration.ofDays(3 * 365), Duration.ofDays(3 * 365).plusMillis(1));
        }
    }

    @AsyncTest(startPaused = true)
    void pausedClock_doesNotAutoAdvance_whileABlockingTaskRuns() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        JoinHandle<Void> blocking = Weft.spawnBlocking(() -> {
            started.countDown();
            release.await();
            return null;
        });
        started.await();
        Moment before = Time.now();
        JoinHandle<Void> sleeper = Weft.spawn(Time.sleep(Duration.ofHours(1)));
        CountDownLatch realTimePassed = new CountDownLatch(1);
        Thread.ofPlatform().start(() -> {
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
            realTimePassed.countDown();
        });
        realTimePassed.await();
        assertThat(Time.now()).isEqualTo(before);
        assertThat(sleeper.isFinished()).isFalse();
        release.countDown();
        blocking.await();
        sleeper.await();
        assertThat(Time.now().durationSince(before)).isEqualTo(Duration.ofHours(1));
    }
}
