package dev.weft.runtime.tests;

import dev.weft.Async;
import dev.weft.runtime.AsyncRuntime;
import dev.weft.runtime.Flavor;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps every worker of a multi-thread runtime busy with a task that spins without an await point, so
 * that a task spawned meanwhile cannot start until {@link #close()}. The current-thread flavour needs
 * nothing held: its tasks run only while a thread is inside {@code blockOn}.
 */
final class HeldWorkers implements AutoCloseable {

    private volatile boolean released;

    private HeldWorkers() {
    }

    /** Occupies every worker of {@code runtime}; returns once each one is spinning. */
    static HeldWorkers hold(AsyncRuntime runtime) throws InterruptedException {
        HeldWorkers held = new HeldWorkers();
        int workers = runtime.flavor() == Flavor.MULTI_THREAD ? runtime.metrics().workers().size() : 0;
        CountDownLatch spinning = new CountDownLatch(workers);
        for (int i = 0; i < workers; i++) {
            runtime.spawn(Async.run(() -> {
                spinning.countDown();
                while (!held.released) {
                    Thread.onSpinWait();
                }
            }));
        }
        assertThat(spinning.await(10, TimeUnit.SECONDS)).as("every worker runs a spinner").isTrue();
        return held;
    }

    /** Lets the spinners finish. */
    @Override
    public void close() {
        released = true;
    }
}
