package dev.weft.sync.tests;

import dev.weft.Async;
import dev.weft.Weft;
import dev.weft.sync.Notify;
import dev.weft.sync.TaskTracker;
import dev.weft.task.JoinHandle;
import dev.weft.test.AsyncAssertions;
import dev.weft.test.AsyncTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** TaskTracker semantics, on every flavour. */
class TaskTrackerTest {

    @AsyncTest(everyFlavor = true)
    void waitAll_completesOnceClosed_andEveryTrackedTaskHasFinished() {
        TaskTracker tracker = new TaskTracker();
        Notify release = new Notify();
        AtomicInteger finished = new AtomicInteger();
        for (int i = 0; i < 10; i++) {
            tracker.spawn(Async.run(() -> {
                release.notified().await();
                finished.incrementAndGet();
            }));
        }
        assertThat(tracker.len()).isEqualTo(10);
        JoinHandle<Void> waiter = Waiting.spawnParked(tracker.waitAll());
        tracker.close();
        AsyncAssertions.assertPending(waiter);
        for (int i = 0; i < 10; i++) {
            release.notifyOne();
        }
        waiter.await();
        assertThat(finished).hasValue(10);
        assertThat(tracker.isEmpty()).isTrue();
    }

    @AsyncTest(everyFlavor = true)
    void waitAll_onAnOpenTracker_waitsEvenWhenItIsEmpty() {
        TaskTracker tracker = new TaskTracker();
        AsyncAssertions.assertTimesOut(Duration.ofMillis(10), tracker.waitAll());
        assertThat(tracker.close()).isTrue();
        assertThat(tracker.close()).isFalse();
        tracker.waitAll().await();
    }

    @AsyncTest(everyFlavor = true)
    void reopen_makesWaitAllWaitAgain() {
        TaskTracker tracker = new TaskTracker();
        tracker.close();
        assertThat(tracker.reopen()).isTrue();
        assertThat(tracker.reopen()).isFalse();
        assertThat(tracker.isClosed()).isFalse();
        JoinHandle<Void> waiter = Weft.spawn(tracker.waitAll());
        tracker.close();
        waiter.await();
    }

    @AsyncTest(everyFlavor = true)
    void aTaskAbortedBeforeItRan_isStillUntracked() {
        TaskTracker tracker = new TaskTracker();
        JoinHandle<Void> task = tracker.spawn(new Notify().notified());
        task.abort();
        tracker.close();
        tracker.waitAll().await();
        assertThat(tracker.size()).isZero();
    }

    @AsyncTest(everyFlavor = true)
    void spawnBlocking_isTrackedToo() {
        TaskTracker tracker = new TaskTracker();
        JoinHandle<Integer> task = tracker.spawnBlocking(() -> 5);
        tracker.close();
        tracker.waitAll().await();
        assertThat(task.await()).isEqualTo(5);
    }

    @Test
    void spawn_outsideARuntime_throws_andTracksNothing() {
        TaskTracker tracker = new TaskTracker();
        assertThatThrownBy(() -> tracker.spawn(Async.run(() -> { }))).isInstanceOf(IllegalStateException.class);
        assertThat(tracker.len()).isZero();
    }
}
