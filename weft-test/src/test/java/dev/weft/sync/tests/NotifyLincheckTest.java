package dev.weft.sync.tests;

import dev.weft.runtime.internal.poll.Pollable;
import dev.weft.runtime.internal.poll.PollingAsync;
import dev.weft.runtime.internal.poll.Waker;
import dev.weft.sync.Notify;
import org.jetbrains.kotlinx.lincheck.LinChecker;
import org.jetbrains.kotlinx.lincheck.annotations.Operation;
import org.jetbrains.kotlinx.lincheck.annotations.Param;
import org.jetbrains.kotlinx.lincheck.paramgen.ThreadIdGen;
import org.jetbrains.kotlinx.lincheck.strategy.stress.StressOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Linearizability of {@link Notify} with Lincheck: notifyOne, notifyWaiters, and a notified() per thread
 * driven through the poll protocol with a no-op waker (start it, poll it, abandon it).
 * A pending waiter is part of the state, so it persists across operations, one per thread.
 *
 * <p>The results are checked against {@link NotifyModel}, a sequential specification written from the
 * documented semantics, so a semantic bug fails the test as well as a race.
 *
 * <p>Stress mode only: Lincheck 2.39's model checker cannot instrument classes of JDK 25.
 */
@Param(name = "thread", gen = ThreadIdGen.class)
@Timeout(60)
public class NotifyLincheckTest {

    private static final Waker NO_OP = () -> { };

    private final Notify notify = new Notify();
    private final Map<Integer, Pollable<Void>> pending = new ConcurrentHashMap<>();

    @Operation
    public void notifyOne() {
        notify.notifyOne();
    }

    @Operation
    public void notifyWaiters() {
        notify.notifyWaiters();
    }

    /**
     * Calls notified() and starts the operation without polling it: from here it counts notifyWaiters
     * calls (as Tokio's Notified does from its creation), so creating it is an operation of its own.
     */
    @Operation
    public String start(@Param(name = "thread") int thread) {
        if (pending.containsKey(thread)) {
            return "busy";
        }
        pending.put(thread, ((PollingAsync<Void>) notify.notified()).start());
        return "started";
    }

    @Operation
    public String poll(@Param(name = "thread") int thread) {
        Pollable<Void> waiter = pending.get(thread);
        if (waiter == null) {
            return "idle";
        }
        if (waiter.poll(NO_OP)) {
            pending.remove(thread);
            return "notified";
        }
        return "pending";
    }

    @Operation
    public String abandon(@Param(name = "thread") int thread) {
        Pollable<Void> waiter = pending.remove(thread);
        if (waiter == null) {
            return "idle";
        }
        waiter.abandon();
        return "abandoned";
    }

    @Test
    void isLinearizable_underStress() {
        LinChecker.check(getClass(), new StressOptions().iterations(150).invocationsPerIteration(400)
                .threads(3).actorsPerThread(4).minimizeFailedScenario(false)
                .sequentialSpecification(NotifyModel.class));
    }
}
