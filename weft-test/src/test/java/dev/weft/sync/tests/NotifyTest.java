package dev.weft.sync.tests;

import dev.weft.Async;
import dev.weft.Weft;
import dev.weft.sync.Notify;
import dev.weft.task.JoinHandle;
import dev.weft.test.AsyncAssertions;
import dev.weft.test.AsyncTest;
import dev.weft.time.Elapsed;
import dev.weft.time.Time;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Notify semantics (Tokio's), on every flavour. */
class NotifyTest {

    @AsyncTest(everyFlavor = true)
    void notifyOne_withNobodyWaiting_storesAPermit_thatTheNextNotifiedTakesAtOnce() {
        Notify notify = new Notify();
        notify.notifyOne();
        notify.notified().await();
        AsyncAssertions.assertTimesOut(Duration.ofMillis(10), notify.notified());
    }

    @AsyncTest(everyFlavor = true)
    void severalNotifyOnes_withNobodyWaiting_storeOnlyOnePermit() {
        Notify notify = new Notify();
        notify.notifyOne();
        notify.notifyOne();
        notify.notifyOne();
        notify.notified().await();
        AsyncAssertions.assertTimesOut(Duration.ofMillis(10), notify.notified());
    }

    @AsyncTest(everyFlavor = true)
    void notifyOne_wakesTheWaitersOneAtATime_inTheOrderTheyStartedWaiting() {
        Notify notify = new Notify();
        List<Integer> order = Collections.synchronizedList(new ArrayList<>());
        List<JoinHandle<Void>> waiters = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            int index = i;
            JoinHandle<Void> waiter = Waiting.spawnParked(Async.run(() -> {
                notify.notified().await();
                order.add(index);
            }));
            waiters.add(waiter);
        }
        for (JoinHandle<Void> waiter : waiters) {
            notify.notifyOne();
            waiter.await();
        }
        assertThat(order).containsExactlyElementsOf(IntStream.range(0, 10).boxed().toList());
    }

    @AsyncTest(everyFlavor = true)
    void notifyWaiters_wakesEveryCurrentWaiter_andStoresNoPermit() {
        Notify notify = new Notify();
        List<JoinHandle<Void>> waiters = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            JoinHandle<Void> waiter = Waiting.spawnParked(notify.notified());
            waiters.add(waiter);
        }
        notify.notifyWaiters();
        for (JoinHandle<Void> waiter : waiters) {
            waiter.await();
        }
        AsyncAssertions.assertTimesOut(Duration.ofMillis(10), notify.notified());
    }

    @AsyncTest(everyFlavor = true)
    void notified_countsNotifyWaitersFromTheMomentItIsCalled() {
        Notify notify = new Notify();
        Async<Void> wakeUp = notify.notified();
        notify.notifyWaiters();
        wakeUp.await();
        AsyncAssertions.assertTimesOut(Duration.ofMillis(10), notify.notified());
    }

    @AsyncTest(everyFlavor = true)
    void aWaiterAbortedAfterNotifyOneChoseIt_passesTheNotificationOn() {
        Notify notify = new Notify();
        JoinHandle<Void> chosen = Waiting.spawnParked(notify.notified());
        JoinHandle<Void> next = Waiting.spawnParked(notify.notified());
        chosen.abort();
        notify.notifyOne();
        next.await();
        AsyncAssertions.assertCancelled(chosen);
        AsyncAssertions.assertTimesOut(Duration.ofMillis(10), notify.notified());
    }

    @AsyncTest(startPaused = true)
    void aNotifiedThatTimesOut_losesNoLaterNotification() {
        Notify notify = new Notify();
        assertThatThrownBy(() -> Time.timeout(Duration.ofSeconds(1), notify.notified()).await())
                .isInstanceOf(Elapsed.class);
        notify.notifyOne();
        notify.notified().await();
        AsyncAssertions.assertTimesOut(Duration.ofSeconds(1), notify.notified());
    }

    @AsyncTest(everyFlavor = true)
    void aCancelledWaiter_whoseNotificationArrivedBeforeItUnwound_storesItAsThePermit() {
        Notify notify = new Notify();
        JoinHandle<Void> waiter = Waiting.spawnParked(notify.notified());
        waiter.abort();
        notify.notifyOne();
        AsyncAssertions.assertCancelled(waiter);
        notify.notified().await();
    }

    @AsyncTest(everyFlavor = true)
    void toString_tellsTheState() {
        Notify notify = new Notify();
        assertThat(notify).hasToString("Notify[empty]");
        notify.notifyOne();
        assertThat(notify).hasToString("Notify[notified]");
        notify.notified().await();
        JoinHandle<Void> waiter = Waiting.spawnParked(notify.notified());
        assertThat(notify).hasToString("Notify[waiting]");
        notify.notifyWaiters();
        waiter.await();
    }
}
