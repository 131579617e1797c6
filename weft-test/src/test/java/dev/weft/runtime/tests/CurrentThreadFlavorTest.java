package dev.weft.runtime.tests;

import dev.weft.Async;
import dev.weft.Weft;
import dev.weft.task.JoinSet;
import dev.weft.test.RuntimeFlavor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The current-thread flavour's guarantee: every task runs on the thread inside {@code blockOn}, one at a
 * time. A task is a virtual thread, so the test asks the JDK for the platform thread carrying it (Surefire
 * opens {@code java.lang} to the tests as it does to Weft).
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CurrentThreadFlavorTest {

    private static final MethodHandle CURRENT_CARRIER = carrierLookup();

    private static MethodHandle carrierLookup() {
        try {
            return MethodHandles.privateLookupIn(Thread.class, MethodHandles.lookup())
                    .findStatic(Thread.class, "currentCarrierThread", MethodType.methodType(Thread.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static Thread carrier() {
        try {
            return (Thread) CURRENT_CARRIER.invokeExact();
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void everyTask_runsOnTheThreadThatCallsBlockOn_evenWhenWokenFromAnotherThread() {
        Thread caller = Thread.currentThread();
        Set<Thread> carriers = ConcurrentHashMap.newKeySet();

        RuntimeFlavor.CURRENT_THREAD.run(() -> {
            CountDownLatch wokenFromOutside = new CountDownLatch(1);
            try (JoinSet<Void> set = new JoinSet<>()) {
                for (int i = 0; i < 20; i++) {
                    set.spawn(Async.run(() -> {
                        carriers.add(carrier());
                        Weft.yieldNow().await();
                        carriers.add(carrier());
                    }));
                }
                set.spawn(Async.of(() -> {
                    wokenFromOutside.await();
                    carriers.add(carrier());
                    return null;
                }));
                Thread.ofPlatform().start(wokenFromOutside::countDown);
                set.joinAll().await();
            }
            carriers.add(carrier());
        });

        assertThat(carriers).containsExactly(caller);
    }

    @Test
    void tasks_neverRunTwoAtOnce() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();

        RuntimeFlavor.CURRENT_THREAD.run(() -> Fanout.spawnAndJoin(8, task -> Async.run(() -> {
            for (int round = 0; round < 50; round++) {
                mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                for (int spin = 0; spin < 2_000; spin++) {
                    Thread.onSpinWait();
                }
                running.decrementAndGet();
                Weft.yieldNow().await();
            }
        })).await());

        assertThat(mostAtOnce).hasValue(1);
    }
}
