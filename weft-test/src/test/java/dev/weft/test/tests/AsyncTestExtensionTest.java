package dev.weft.test.tests;

import dev.weft.Async;
import dev.weft.Weft;
import dev.weft.runtime.AsyncRuntime;
import dev.weft.runtime.Flavor;
import dev.weft.task.JoinHandle;
import dev.weft.test.AsyncAssertions;
import dev.weft.test.AsyncTest;
import dev.weft.test.RuntimeFlavor;
import dev.weft.time.Moment;
import dev.weft.time.Time;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import java.io.IOException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

/** The attributes of {@link AsyncTest}, and what happens to failing and hanging tests. */
class AsyncTestExtensionTest {

    @AsyncTest
    void body_runsAsATask_onACurrentThreadRuntimeByDefault(AsyncRuntime runtime) {
        assertThat(Weft.inTask()).isTrue();
        assertThat(runtime.flavor()).isEqualTo(Flavor.CURRENT_THREAD);
        assertThat(Weft.spawn(Async.of(() -> 7)).await()).isEqualTo(7);
    }

    @AsyncTest(flavor = Flavor.MULTI_THREAD, workerThreads = 3)
    void flavorAndWorkerThreads_configureTheRuntime(AsyncRuntime runtime) {
        assertThat(runtime.flavor()).isEqualTo(Flavor.MULTI_THREAD);
        assertThat(runtime.metrics().workers()).hasSize(3);
    }

    @AsyncTest(startPaused = true)
    void startPaused_anHourPassesInNoTime() {
        Moment start = Time.now();
        AsyncAssertions.assertCompletesWithin(Duration.ofHours(2), Time.sleep(Duration.ofHours(1)));
        assertThat(Time.now().durationSince(start)).isEqualTo(Duration.ofHours(1));
    }

    @AsyncTest(everyFlavor = true)
    void everyFlavor_runsOncePerFlavour_withItsRuntime(RuntimeFlavor flavor, AsyncRuntime runtime) {
        int expectedWorkers = switch (flavor) {
            case CURRENT_THREAD, MULTI_THREAD_1 -> 1;
            case MULTI_THREAD_4 -> 4;
        };
        assertThat(runtime.metrics().workers()).hasSize(expectedWorkers);
    }

    @AsyncTest(startPaused = true)
    void assertions_pendingCancelledAndTimesOut() {
        JoinHandle<Void> sleeper = Weft.spawn(Time.sleep(Duration.ofHours(1)));
        AsyncAssertions.assertPending(sleeper);
        sleeper.abort();
        AsyncAssertions.assertCancelled(sleeper);
        AsyncAssertions.assertTimesOut(Duration.ofSeconds(1), Time.sleep(Duration.ofMinutes(1)));
    }

    @Test
    void everyFlavor_yieldsThreeInvocations_andFailuresAndHangsAreReported() {
        Events events = EngineTestKit.engine("junit-jupiter").selectors(selectClass(Samples.class)).execute()
                .testEvents();
        events.assertStatistics(stats -> stats.started(5).succeeded(3).failed(2));
        events.assertThatEvents()
                .haveExactly(1, event(test("checkedFailure"),
                        finishedWithFailure(instanceOf(IOException.class), message("disk on fire"))))
                .haveExactly(1, event(test("hangs"), finishedWithFailure(instanceOf(AssertionError.class),
                        message(text -> text.contains("timed out after 300 ms") && text.contains("live tasks")))));
    }

    /** Run by the engine test kit above, not directly (the nested class is not a test class of its own). */
    static class Samples {

        @AsyncTest(everyFlavor = true)
        void passes() {
            Weft.yieldNow().await();
        }

        @AsyncTest
        void checkedFailure() throws IOException {
            throw new IOException("disk on fire");
        }

        @AsyncTest(timeoutMillis = 300)
        void hangs() {
            Time.sleep(Duration.ofMinutes(10)).await();
        }
    }
}
