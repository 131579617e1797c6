package dev.weft.runtime.internal.scheduler;

import dev.weft.runtime.WorkerStats;
import dev.weft.runtime.internal.engine.JdkVirtualThreadAccess;
import dev.weft.runtime.internal.io.IoDriver;
import dev.weft.runtime.internal.time.RuntimeClock;
import dev.weft.runtime.internal.time.TimeDriver;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/*
 * Implementation notes.
 *
 * The current-thread flavour: no threads of its own. Tasks run only while some thread drives the
 * scheduler through runUntil (AsyncRuntime.blockOn, or shutdown draining cancelled tasks), and then all
 * of them run on that one thread, one at a time, so tasks of this flavour never run in parallel.
 *
 * `core` is the right to drive: one thread holds it at a time. A second blockOn caller waits until its
 * own task is done (the driver may run it) or the core is free, then takes the core. Handing over the
 * core through the AtomicReference also hands over `local` (the driver's FIFO queue, touched only by
 * the thread holding the core).
 *
 * Tasks made runnable by the driving thread (one task waking another, a task yielding) go to `local`;
 * tasks made runnable elsewhere go to `remote` and unpark the driver when it is parked. Every
 * REMOTE_INTERVAL ticks `remote` is checked first so a busy local queue cannot starve it (Tokio's
 * global_queue_interval). The cooperative budget, like `local`, belongs to the thread holding the
 * core. Drivers: with nothing to run, the driving thread fires due timers and parks in the I/O driver
 * (its selector, once a channel is registered) until an I/O event or the next timer; with the
 * clock paused and every task idle it moves the clock to the next timer instead (auto-advance). `driverParked` and the remote queue are both volatile, so the driver's
 * "set parked, then re-check remote" and the producer's "push, then read parked" cannot both miss.
 */

/** The single-threaded scheduler driven by {@code blockOn}. See the implementation notes. */
public final class CurrentThreadScheduler implements TaskScheduler {

    /** A deadline for {@link #runUntil} that never passes. */
    public static final long NO_DEADLINE = Long.MAX_VALUE;

    private static final int REMOTE_INTERVAL = 31;

    private final ConcurrentLinkedQueue<Runnable> remote = new ConcurrentLinkedQueue<>();
    private final ArrayDeque<Runnable> local = new ArrayDeque<>();
    private final AtomicReference<Thread> core = new AtomicReference<>();
    private final ConcurrentLinkedQueue<Thread> waitingForCore = new ConcurrentLinkedQueue<>();
    private final WorkerMetrics metrics = new WorkerMetrics(0);
    private final CooperativeBudget budget;
    private final CarrierActions afterTask = new CarrierActions();
    private final TimeDriver timers;
    private final IoDriver io;
    private final BooleanSupplier blockingIdle;
    private volatile Thread driver;
    private volatile boolean driverParked;
    private volatile boolean stopped;

    /**
     * @param budget       await points a task may pass in one run before it must yield
     * @param timers       the runtime's timers, fired by the driving thread when it has nothing to run
     * @param io           the runtime's I/O driver, polled by the driving thread when it has nothing to run
     * @param blockingIdle true when no blocking-pool task is running (a paused clock then auto-advances)
     */
    public CurrentThreadScheduler(int budget, TimeDriver timers, IoDriver io, BooleanSupplier blockingIdle) {
        this.budget = new CooperativeBudget(budget);
        this.timers = timers;
        this.io = io;
        this.blockingIdle = blockingIdle;
        timers.setWaker(this::wakeDriver);
        io.setOnActivate(this::wakeDriver);
    }

    private void wakeDriver() {
        if (driverParked) {
            io.wakeOwner(driver);
        }
    }

    @Override
    public void start() {
        // No threads: the callers of runUntil do the work.
    }

    @Override
    public void execute(Runnable task) {
        Thread carrier = JdkVirtualThreadAccess.currentCarrierThread();
        if (carrier == driver && carrier != null) {
            local.addLast(task);
            return;
        }
        remote.offer(task);
        wakeDriver();
    }

    /**
     * Runs tasks on the calling thread until {@code done} returns true or {@code deadlineNanos} (a
     * {@link System#nanoTime()} value, or {@link #NO_DEADLINE}) passes. If another thread is driving, waits for {@code done} or
     * for the right to drive. Returns the last value of {@code done}. Whoever makes {@code done} true from
     * another thread must unpark the caller.
     */
    public boolean runUntil(BooleanSupplier done, long deadlineNanos) {
        Thread self = Thread.currentThread();
        while (!done.getAsBoolean()) {
            if (stopped || remainingNanos(deadlineNanos) <= 0) {
                return done.getAsBoolean();
            }
            if (core.compareAndSet(null, self)) {
                try {
                    driver = self;
                    if (drive(done, deadlineNanos)) {
                        return true;
                    }
                } finally {
                    driver = null;
                    core.set(null);
                    for (Thread waiting : waitingForCore) {
                        LockSupport.unpark(waiting);
                    }
                }
            } else {
                waitingForCore.add(self);
                if (core.get() != null && !done.getAsBoolean()) {
                    LockSupport.parkNanos(this, remainingNanos(deadlineNanos));
                }
                waitingForCore.remove(self);
            }
        }
        return true;
    }

    private boolean drive(BooleanSupplier done, long deadlineNanos) {
        int tick = 0;
        while (!done.getAsBoolean()) {
            if (stopped) {
                return false;
            }
            tick++;
            Runnable task = tick % REMOTE_INTERVAL == 0 ? pollRemoteFirst() : pollLocalFirst();
            if (task != null) {
                budget.refill();
                metrics.beginPoll();
                try {
                    task.run();
                } finally {
                    metrics.endPoll();
                    afterTask.runAll();
                }
                continue;
            }
            if (timers.process() > 0) {
                continue;
            }
            long remaining = remainingNanos(deadlineNanos);
            if (remaining <= 0) {
                return false;
            }
            driverParked = true;
            if (remote.isEmpty() && !done.getAsBoolean() && !autoAdvanced()) {
                metrics.recordPark();
                io.park(Math.min(remaining, nanosUntilNextTimer()));
            }
            driverParked = false;
        }
        return true;
    }

    @Override
    public boolean deferToCarrier(Runnable action) {
        Thread carrier = JdkVirtualThreadAccess.currentCarrierThread();
        if (carrier != null && carrier == driver) {
            afterTask.add(action);
            return true;
        }
        return false;
    }

    /** Only the driving thread runs tasks, so only it touches the budget. */
    @Override
    public boolean spendBudget() {
        return budget.spend();
    }

    /**
     * With the clock paused and every task idle (none runnable, none on the blocking pool, no I/O event
     * ready), jumps the clock to the next timer, as Tokio's paused clock does. Returns true when it did
     * (or when an I/O event made a task runnable instead).
     */
    private boolean autoAdvanced() {
        RuntimeClock clock = timers.clock();
        long next = timers.nextDeadlineNanos();
        if (!clock.isPaused() || next == TimeDriver.NONE || !blockingIdle.getAsBoolean()) {
            return false;
        }
        if (io.pollNow() > 0) {
            return true;
        }
        clock.advanceTo(next);
        return true;
    }

    /** How long the driver may park before a timer is due; unbounded while the clock is paused. */
    private long nanosUntilNextTimer() {
        long next = timers.nextDeadlineNanos();
        RuntimeClock clock = timers.clock();
        return next == TimeDriver.NONE || clock.isPaused() ? Long.MAX_VALUE : next - clock.nanoTime();
    }

    private static long remainingNanos(long deadlineNanos) {
        return deadlineNanos == NO_DEADLINE ? Long.MAX_VALUE : deadlineNanos - System.nanoTime();
    }

    private Runnable pollLocalFirst() {
        Runnable task = local.pollFirst();
        return task != null ? task : remote.poll();
    }

    private Runnable pollRemoteFirst() {
        Runnable task = remote.poll();
        return task != null ? task : local.pollFirst();
    }

    @Override
    public void stop() {
        stopped = true;
        io.wakeOwner(driver);
    }

    @Override
    public boolean awaitStopped(long nanos) {
        long deadline = System.nanoTime() + nanos;
        while (core.get() != null) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            Thread.onSpinWait();
            LockSupport.parkNanos(100_000);
        }
        return true;
    }

    @Override
    public int workerCount() {
        return 1;
    }

    @Override
    public List<WorkerStats> metrics() {
        return List.of(metrics.snapshot());
    }
}
