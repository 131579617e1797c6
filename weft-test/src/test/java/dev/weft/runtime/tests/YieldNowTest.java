package dev.weft.runtime.tests;

import dev.weft.Async;
import dev.weft.Weft;
import dev.weft.task.CancelledException;
import dev.weft.task.JoinHandle;
import dev.weft.test.EveryFlavor;
import dev.weft.test.RuntimeFlavor;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code Weft.yieldNow()} and the cooperative budget: a task that never parks still lets the others run,
 * even when it is alone with them on one thread (current-thread, one worker).
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class YieldNowTest {

    @EveryFlavor
    void yieldNow_letsAnotherRunnableTaskRun(RuntimeFlavor flavor) {
        AtomicBoolean otherRan = new AtomicBoolean();

        int yields = flavor.run(() -> {
            Weft.spawn(Async.run(() -> otherRan.set(true)));
            int count = 0;
            while (!otherRan.get()) {
                Weft.yieldNow().await();
                count++;
            }
            return count;
        });

        assertThat(yields).isPositive();
    }

    @EveryFlavor
    void budget_makesATaskWhoseAwaitsAreAlwaysReadyYield_soItCannotStarveOthers(RuntimeFlavor flavor) {
        AtomicBoolean otherRan = new AtomicBoolean();
        Async<Boolean> ready = Async.of(otherRan::get);

        flavor.run(() -> {
            Weft.spawn(Async.run(() -> otherRan.set(true)));
            while (!ready.await()) {
                Thread.onSpinWait();
            }
        });

        assertThat(otherRan).isTrue();
    }

    @EveryFlavor
    void abort_ofATaskLoopingOnYieldNow_stopsItAtItsNextYield(RuntimeFlavor flavor) {
        flavor.run(() -> {
            CountDownLatch looping = new CountDownLatch(1);
            JoinHandle<Void> spinner = Weft.spawn(Async.run(() -> {
                looping.countDown();
                while (true) {
                    Weft.yieldNow().await();
                }
            }));
            looping.await();

            spinner.abort();

            assertThatThrownBy(spinner::await).isInstanceOf(CancelledException.class);
        });
    }
}
