package dev.weft.sync.tests;

import dev.weft.Async;
import dev.weft.Weft;
import dev.weft.sync.Semaphore;
import dev.weft.sync.SemaphoreClosedException;
import dev.weft.sync.SemaphorePermit;
import dev.weft.task.CancelledException;
import dev.weft.task.JoinHandle;
import dev.weft.test.AsyncAssertions;
import dev.weft.test.AsyncTest;
import dev.weft.time.Elapsed;
import dev.weft.time.Time;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Semaphore semantics, on every flavour. */
class SemaphoreTest {

    @AsyncTest(everyFlavor = true)
    void acquire_whenPermitsAreFree_takesThemAtOnce_andClosingGivesThemBack() {
        Semaphore semaphore = new Semaphore(3);
        try (SemaphorePermit permit = semaphore.acquire(2).await()) {
            assertThat(permit.permits()).isEqualTo(2);
            assertThat(semaphore.availablePermits()).isEqualTo(1);
        }
        assertThat(semaphore.availablePermits()).isEqualTo(3);
    }

    @AsyncTest(everyFlavor = true)
    void acquire_whenNoPermitIsFree_waitsUntilOneIsReleased() {
        Semaphore semaphore = new Semaphore(1);
        SemaphorePermit held = semaphore.acquire().await();
        JoinHandle<Integer> waiter = Waiting.spawnParked(semaphore.acquire().map(SemaphorePermit::permits));
        held.close();
        assertThat(waiter.await()).isEqualTo(1);
    }

    @AsyncTest(everyFlavor = true)
    void tryAcquire_whenNotEnoughPermits_returnsEmpty_andTakesNothing() {
        Semaphore semaphore = new Semaphore(2);
        assertThat(semaphore.tryAcquire(3)).isEmpty();
        assertThat(semaphore.availablePermits()).isEqualTo(2);
        assertThat(semaphore.tryAcquire(2)).hasValueSatisfying(permit -> assertThat(permit.permits()).isEqualTo(2));
        assertThat(semaphore.availablePermits()).isZero();
    }

    @AsyncTest(everyFlavor = true)
    void tryAcquire_whileAWaiterIsQueued_doesNotBargeIn() {
        Semaphore semaphore = new Semaphore(2);
        SemaphorePermit held = semaphore.acquire(2).await();
        JoinHandle<SemaphorePermit> big = Waiting.spawnParked(semaphore.acquire(2));
        held.close();
        try (SemaphorePermit served = big.await()) {
            assertThat(served.permits()).isEqualTo(2);
        }
        SemaphorePermit one = semaphore.acquire().await();
        JoinHandle<SemaphorePermit> second = Waiting.spawnParked(semaphore.acquire(2));
        assertThat(semaphore.availablePermits()).isZero();
        assertThat(semaphore.tryAcquire()).isEmpty();
        one.close();
        second.await().close();
        assertThat(semaphore.availablePermits()).isEqualTo(2);
    }

    @AsyncTest(everyFlavor = true)
    void waiters_areServedInTheOrderTheyStartedWaiting() {
        Semaphore semaphore = new Semaphore(0);
        List<Integer> order = Collections.synchronizedList(new ArrayList<>());
        List<JoinHandle<Void>> waiters = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int index = i;
            JoinHandle<Void> waiter = Waiting.spawnParked(Async.run(() -> {
                semaphore.acquire().await().forget();
                order.add(index);
            }));
            waiters.add(waiter);
        }
        for (JoinHandle<Void> waiter : waiters) {
            semaphore.addPermits(1);
            waiter.await();
        }
        assertThat(order).containsExactlyElementsOf(java.util.stream.IntStream.range(0, 20).boxed().toList());
    }

    @AsyncTest(everyFlavor = true)
    void aLargeRequestAtTheHead_holdsBackSmallerLaterOnes() {
        Semaphore semaphore = new Semaphore(0);
        JoinHandle<SemaphorePermit> large = Waiting.spawnParked(semaphore.acquire(3));
        JoinHandle<SemaphorePermit> small = Waiting.spawnParked(semaphore.acquire(1));

        semaphore.addPermits(2);
        AsyncAssertions.assertPending(small);
        AsyncAssertions.assertPending(large);
        assertThat(semaphore.availablePermits()).isZero();

        semaphore.addPermits(2);
        assertThat(large.await().permits()).isEqualTo(3);
        assertThat(small.await().permits()).isEqualTo(1);
    }

    @AsyncTest(everyFlavor = true)
    void anAbortedWaiter_givesBackThePermitsAssignedToIt_toTheNextWaiter() {
        Semaphore semaphore = new Semaphore(0);
        JoinHandle<SemaphorePermit> large = Waiting.spawnParked(semaphore.acquire(5));
        JoinHandle<SemaphorePermit> next = Waiting.spawnParked(semaphore.acquire(2));
        semaphore.addPermits(3);   // all assigned to the head, which still needs 2

        large.abort();
        AsyncAssertions.assertCancelled(large);

        assertThat(next.await().permits()).isEqualTo(2);
        assertThat(semaphore.availablePermits()).isEqualTo(1);
    }

    @AsyncTest(startPaused = true)
    void acquireWithATimeout_thatElapses_throwsElapsed_andKeepsNothing() {
        Semaphore semaphore = new Semaphore(1);
        SemaphorePermit held = semaphore.acquire().await();
        assertThatThrownBy(() -> semaphore.acquire(Duration.ofSeconds(5)).await())
                .isInstanceOf(Elapsed.class).hasMessageContaining("PT5S");
        held.close();
        assertThat(semaphore.availablePermits()).isEqualTo(1);
        try (SemaphorePermit again = semaphore.acquire(Duration.ofSeconds(5)).await()) {
            assertThat(again.permits()).isEqualTo(1);
        }
    }

    @AsyncTest(startPaused = true)
    void acquireWithATimeout_servedBeforeTheDeadline_returnsThePermit() {
        Semaphore semaphore = new Semaphore(0);
        Weft.spawn(Async.run(() -> {
            Time.sleep(Duration.ofSeconds(1)).await();
            semaphore.addPermits(2);
        }));
        assertThat(semaphore.acquire(2, Duration.ofSeconds(5)).await().permits()).isEqualTo(2);
    }

    @AsyncTest(everyFlavor = true)
    void acquireWithAZeroTimeout_takesAFreePermit_andOtherwiseElapsesAtOnce() {
        Semaphore semaphore = new Semaphore(1);
        SemaphorePermit permit = semaphore.acquire(Duration.ZERO).await();
        assertThatThrownBy(() -> semaphore.acquire(Duration.ZERO).await()).isInstanceOf(Elapsed.class);
        permit.close();
        assertThat(semaphore.availablePermits()).isEqualTo(1);
    }

    @AsyncTest(everyFlavor = true)
    void close_wakesEveryWaiterWithSemaphoreClosedException_andRefusesLaterAcquisitions() {
        Semaphore semaphore = new Semaphore(1);
        SemaphorePermit held = semaphore.acquire().await();
        List<JoinHandle<SemaphorePermit>> waiters = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            JoinHandle<SemaphorePermit> waiter = Waiting.spawnParked(semaphore.acquire(1 + i));
            waiters.add(waiter);
        }
        semaphore.close();
        for (JoinHandle<SemaphorePermit> waiter : waiters) {
            assertThatThrownBy(waiter::await).isInstanceOf(SemaphoreClosedException.class);
        }
        assertThat(semaphore.isClosed()).isTrue();
        assertThatThrownBy(() -> semaphore.acquire().await()).isInstanceOf(SemaphoreClosedException.class);
        assertThatThrownBy(semaphore::tryAcquire).isInstanceOf(SemaphoreClosedException.class);
        held.close();
        assertThat(semaphore.availablePermits()).isEqualTo(1);
    }

    @Test
    void addPermits_beyondTheMaximum_isRefused_andChangesNothing() {
        Semaphore semaphore = new Semaphore(Semaphore.MAX_PERMITS - 1);
        semaphore.addPermits(1);
        assertThatThrownBy(() -> semaphore.addPermits(1))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("maximum");
        assertThat(semaphore.availablePermits()).isEqualTo(Semaphore.MAX_PERMITS);
    }

    @Test
    void preconditions_stateTheRuleAndTheValue() {
        assertThatThrownBy(() -> new Semaphore(-1)).hasMessage("permits < 0: -1");
        Semaphore semaphore = new Semaphore(1);
        assertThatThrownBy(() -> semaphore.acquire(0)).hasMessage("permits <= 0: 0");
        assertThatThrownBy(() -> semaphore.tryAcquire(-2)).hasMessage("permits <= 0: -2");
        assertThatThrownBy(() -> semaphore.addPermits(-1)).hasMessage("count < 0: -1");
        assertThatThrownBy(() -> semaphore.acquire(Duration.ofSeconds(-1))).hasMessage("timeout < 0: PT-1S");
    }

    @Test
    void forgetPermits_removesFreePermitsOnly() {
        Semaphore semaphore = new Semaphore(5);
        SemaphorePermit held = semaphore.tryAcquire(2).orElseThrow();
        assertThat(semaphore.forgetPermits(10)).isEqualTo(3);
        assertThat(semaphore.availablePermits()).isZero();
        held.close();
        assertThat(semaphore.availablePermits()).isEqualTo(2);
    }

    @Test
    void aPermitClosedTwice_releasesOnce_andAForgottenOneNever() {
        Semaphore semaphore = new Semaphore(2);
        SemaphorePermit first = semaphore.tryAcquire().orElseThrow();
        first.close();
        first.close();
        assertThat(semaphore.availablePermits()).isEqualTo(2);
        SemaphorePermit second = semaphore.tryAcquire().orElseThrow();
        second.forget();
        second.close();
        assertThat(semaphore.availablePermits()).isEqualTo(1);
    }

    @Test
    @Timeout(10)
    void blockingAcquire_onAPlatformThread_waitsForARelease() throws Exception {
        Semaphore semaphore = new Semaphore(0);
        CompletableFuture<Integer> acquired = new CompletableFuture<>();
        Thread thread = Thread.ofPlatform().start(() -> {
            try {
                acquired.complete(semaphore.blockingAcquire(2).permits());
            } catch (Throwable e) {
                acquired.completeExceptionally(e);
            }
        });
        while (thread.getState() != Thread.State.WAITING) {
            Thread.onSpinWait();
        }
        semaphore.addPermits(2);
        assertThat(acquired.get(10, TimeUnit.SECONDS)).isEqualTo(2);
    }

    @Test
    @Timeout(10)
    void blockingAcquire_interrupted_throwsAndKeepsNothing() throws Exception {
        Semaphore semaphore = new Semaphore(1);
        SemaphorePermit held = semaphore.tryAcquire().orElseThrow();
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Thread thread = Thread.ofPlatform().start(() -> {
            try {
                semaphore.blockingAcquire();
                outcome.complete(null);
            } catch (Throwable e) {
                outcome.complete(e);
            }
        });
        while (thread.getState() != Thread.State.WAITING) {
            Thread.onSpinWait();
        }
        thread.interrupt();
        assertThat(outcome.get(10, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
        held.close();
        assertThat(semaphore.availablePermits()).isEqualTo(1);
    }

    @AsyncTest(everyFlavor = true)
    void aWaiterCancelledByItsTask_throwsCancelled_andLeavesTheQueue() {
        Semaphore semaphore = new Semaphore(0);
        JoinHandle<SemaphorePermit> waiter = Waiting.spawnParked(semaphore.acquire());
        waiter.abort();
        assertThatThrownBy(waiter::await).isInstanceOf(CancelledException.class);
        semaphore.addPermits(1);
        assertThat(semaphore.availablePermits()).isEqualTo(1);
    }
}
