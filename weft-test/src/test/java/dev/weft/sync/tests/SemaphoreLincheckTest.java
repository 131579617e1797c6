package dev.weft.sync.tests;

import dev.weft.runtime.internal.poll.Pollable;
import dev.weft.runtime.internal.poll.PollingAsync;
import dev.weft.runtime.internal.poll.Waker;
import dev.weft.sync.Semaphore;
import dev.weft.sync.SemaphoreClosedException;
import dev.weft.sync.SemaphorePermit;
import org.jetbrains.kotlinx.lincheck.LinChecker;
import org.jetbrains.kotlinx.lincheck.annotations.Operation;
import org.jetbrains.kotlinx.lincheck.annotations.Param;
import org.jetbrains.kotlinx.lincheck.paramgen.IntGen;
import org.jetbrains.kotlinx.lincheck.paramgen.ThreadIdGen;
import org.jetbrains.kotlinx.lincheck.strategy.stress.StressOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Linearizability of {@link Semaphore} with Lincheck. Besides the operations that never wait, each
 * thread drives an acquisition through the poll protocol with a no-op waker: start it and poll once,
 * poll it again later, or abandon it. A pending acquisition is part of the state (it may hold assigned
 * permits), so it persists across operations, one per thread.
 *
 * <p>The results are checked against {@link SemaphoreModel}, a sequential specification written from the
 * documented semantics, so a semantic bug fails the test as well as a race.
 *
 * <p>Stress mode only: Lincheck 2.39's model checker cannot instrument classes of JDK 25.
 */
@Param(name = "count", gen = IntGen.class, conf = "1:3")
@Param(name = "thread", gen = ThreadIdGen.class)
@Timeout(60)
public class SemaphoreLincheckTest {

    private static final Waker NO_OP = () -> { };

    private final Semaphore semaphore = new Semaphore(3);
    private final Map<Integer, Pollable<SemaphorePermit>> pending = new ConcurrentHashMap<>();
    private final Map<Integer, ArrayDeque<SemaphorePermit>> held = new ConcurrentHashMap<>();

    @Operation
    public String acquire(@Param(name = "thread") int thread, @Param(name = "count") int count) {
        if (pending.containsKey(thread)) {
            return "busy";
        }
        return pollAndRecord(thread, ((PollingAsync<SemaphorePermit>) semaphore.acquire(count)).start());
    }

    @Operation
    public String pollAgain(@Param(name = "thread") int thread) {
        Pollable<SemaphorePermit> acquisition = pending.get(thread);
        return acquisition == null ? "idle" : pollAndRecord(thread, acquisition);
    }

    @Operation
    public String abandon(@Param(name = "thread") int thread) {
        Pollable<SemaphorePermit> acquisition = pending.remove(thread);
        if (acquisition == null) {
            return "idle";
        }
        acquisition.abandon();
        return "abandoned";
    }

    @Operation
    public String tryAcquire(@Param(name = "thread") int thread, @Param(name = "count") int count) {
        try {
            Optional<SemaphorePermit> permit = semaphore.tryAcquire(count);
            permit.ifPresent(heldBy(thread)::add);
            return permit.isPresent() ? "acquired" : "none";
        } catch (SemaphoreClosedException closed) {
            return "closed";
        }
    }

    @Operation
    public int release(@Param(name = "thread") int thread) {
        SemaphorePermit permit = heldBy(thread).poll();
        if (permit == null) {
            return 0;
        }
        int count = permit.permits();
        permit.close();
        return count;
    }

    @Operation
    public void addPermits(@Param(name = "count") int count) {
        semaphore.addPermits(count);
    }

    @Operation
    public int forgetPermits(@Param(name = "count") int count) {
        return semaphore.forgetPermits(count);
    }

    @Operation
    public int availablePermits() {
        return semaphore.availablePermits();
    }

    @Operation
    public void close() {
        semaphore.close();
    }

    private String pollAndRecord(int thread, Pollable<SemaphorePermit> acquisition) {
        try {
            if (!acquisition.poll(NO_OP)) {
                pending.put(thread, acquisition);
                return "pending";
            }
            pending.remove(thread);
            SemaphorePermit permit = acquisition.result();
            heldBy(thread).add(permit);
            return "acquired " + permit.permits();
        } catch (SemaphoreClosedException closed) {
            pending.remove(thread);
            return "closed";
        }
    }

    private ArrayDeque<SemaphorePermit> heldBy(int thread) {
        return held.computeIfAbsent(thread, id -> new ArrayDeque<>());
    }

    @Test
    void isLinearizable_underStress() {
        LinChecker.check(getClass(), new StressOptions().iterations(150).invocationsPerIteration(400)
                .threads(3).actorsPerThread(4).minimizeFailedScenario(false)
                .sequentialSpecification(SemaphoreModel.class));
    }
}
