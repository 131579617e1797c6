package dev.weft.runtime.tests;

import dev.weft.Async;
import dev.weft.Weft;
import dev.weft.test.EveryFlavor;
import dev.weft.test.RuntimeFlavor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** An {@code Async} is a description: its side effects happen when it is awaited or spawned, not before. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LazinessTest {

    @Test
    void creatingOperations_runsNothing() {
        AtomicInteger runs = new AtomicInteger();

        Async.of(runs::incrementAndGet);
        Async.run(runs::incrementAndGet);
        Async.of(runs::incrementAndGet).map(n -> n + 1).flatMap(Async::completed);

        assertThat(runs).hasValue(0);
    }

    @EveryFlavor
    void helloProgram_printsHelloBeforeWorld_becauseTheOperationRunsAtAwait(RuntimeFlavor flavor) {
        List<String> printed = Collections.synchronizedList(new ArrayList<>());

        flavor.run(() -> {
            Async<Void> sayWorld = Async.run(() -> printed.add("world"));
            printed.add("hello");
            sayWorld.await();
        });

        assertThat(printed).containsExactly("hello", "world");
    }

    @EveryFlavor
    void await_runsTheBodyEachTimeItIsAwaited(RuntimeFlavor flavor) {
        AtomicInteger runs = new AtomicInteger();
        Async<Integer> next = Async.of(runs::incrementAndGet);

        List<Integer> seen = flavor.run(() -> {
            int beforeAwait = runs.get();
            return List.of(beforeAwait, next.await(), next.await());
        });

        assertThat(seen).containsExactly(0, 1, 2);
    }

    @EveryFlavor
    void mapAndFlatMap_runNothingUntilTheComposedOperationIsAwaited(RuntimeFlavor flavor) {
        AtomicInteger runs = new AtomicInteger();
        Async<String> composed = Async.of(runs::incrementAndGet)
                .map(n -> "n=" + n)
                .flatMap(text -> Async.of(() -> text + "!"));

        String value = flavor.run(() -> {
            assertThat(runs).as("runs before the await").hasValue(0);
            return composed.await();
        });

        assertThat(value).isEqualTo("n=1!");
        assertThat(runs).hasValue(1);
    }

    @EveryFlavor
    void spawn_runsTheBody_withoutAnyoneAwaitingTheHandle(RuntimeFlavor flavor) {
        CountDownLatch ran = new CountDownLatch(1);

        boolean ranInTime = flavor.run(() -> {
            Weft.spawn(Async.run(ran::countDown));
            return ran.await(10, TimeUnit.SECONDS);
        });

        assertThat(ranInTime).isTrue();
    }
}
