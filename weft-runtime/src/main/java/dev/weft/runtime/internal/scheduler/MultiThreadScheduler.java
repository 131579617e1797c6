package dev.weft.runtime.internal.scheduler;

import dev.weft.runtime.WorkerStats;
import dev.weft.runtime.internal.engine.JdkVirtualThreadAccess;
import dev.weft.runtime.internal.io.IoDriver;
import dev.weft.runtime.internal.time.TimeDriver;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/*
 * Implementation notes.
 *
 * Tokio's multi-thread scheduler, carrying virtual threads. State shared by all workers: the global
 * inject queue, the Idle tracker and the `stopped` flag. Everything else is per worker (see Worker).
 *
 * execute() finds out whether it is called on one of this scheduler's workers through the carrier
 * thread (JdkVirtualThreadAccess.currentCarrierThread): the JDK calls the scheduler with the waking
 * virtual thread as currentThread(), mounted on its carrier. On a worker the task goes to that worker's
 * LIFO slot or queue; from any other thread it goes to the inject queue and a parked worker is woken.
 *
 * Wake-ups follow Idle's protocol: every push that other workers should see is followed by
 * notifyParked(), which wakes a parked worker only when nobody is searching.
 */

/** The multi-thread, work-stealing scheduler. See the implementation notes. */
public final class MultiThreadScheduler implements TaskScheduler {

    final InjectQueue inject = new InjectQueue();
    final Idle idle;
    final TimeDriver timers;
    final IoDriver io;
    private final AtomicReference<Worker> driverOwner = new AtomicReference<>();
    private final Worker[] workers;
    private final SchedulerHooks hooks;
    private volatile boolean stopped;

    /**
     * @param workerCount number of worker threads, at least 1
     * @param namePrefix  worker thread names are this prefix followed by the worker's index
     * @param hooks       callbacks run on each worker thread at start and stop
     * @param seed        the runtime's seed for scheduling choices
     * @param budget      await points a task may pass in one run before it must yield
     * @param timers      the runtime's timers, which idle workers fire
     * @param io          the runtime's I/O driver, which idle workers poll
     */
    public MultiThreadScheduler(int workerCount, String namePrefix, SchedulerHooks hooks, long seed, int budget,
                                TimeDriver timers, IoDriver io) {
        if (workerCount < 1) {
            throw new IllegalArgumentException("workerThreads < 1: " + workerCount);
        }
        this.idle = new Idle(workerCount);
        this.timers = timers;
        this.io = io;
        timers.setWaker(this::wakeDriverOwner);
        io.setOnActivate(this::wakeDriverOwner);
        this.hooks = hooks;
        this.workers = new Worker[workerCount];
        SplittableRandom seeds = new SplittableRandom(seed);
        for (int i = 0; i < workerCount; i++) {
            workers[i] = new Worker(this, i, namePrefix + i, seeds.nextLong(), budget);
        }
    }

    @Override
    public void start() {
        for (Worker worker : workers) {
            worker.start();
        }
    }

    @Override
    public void execute(Runnable task) {
        if (JdkVirtualThreadAccess.currentCarrierThread() instanceof Worker worker && worker.scheduler == this) {
            worker.scheduleLocal(task);
        } else {
            inject.push(task);
            notifyParked();
        }
    }

    @Override
    public boolean spendBudget() {
        return JdkVirtualThreadAccess.currentCarrierThread() instanceof Worker worker && worker.scheduler == this
                && worker.spendBudget();
    }

    @Override
    public boolean deferToCarrier(Runnable action) {
        if (JdkVirtualThreadAccess.currentCarrierThread() instanceof Worker worker && worker.scheduler == this) {
            worker.deferUntilUnmount(action);
            return true;
        }
        return false;
    }

    /** Wakes one parked worker if work was published and no worker is searching. */
    void notifyParked() {
        int chosen = idle.workerToNotify();
        if (chosen >= 0) {
            workers[chosen].unpark();
        }
    }

    /** Called by the last searcher before it parks: wake a worker if any queue still holds work. */
    void notifyIfWorkPending() {
        for (Worker worker : workers) {
            if (!worker.queue.isEmpty()) {
                notifyParked();
                return;
            }
        }
        if (!inject.isEmpty()) {
            notifyParked();
        }
    }

    /**
     * Lets {@code worker} park on the drivers: true when it is now the one worker that polls the I/O
     * driver and sleeps until the next timer (the others park without a timeout).
     */
    boolean tryOwnDriver(Worker worker) {
        return driverOwner.compareAndSet(null, worker);
    }

    void releaseDriver(Worker worker) {
        driverOwner.compareAndSet(worker, null);
    }

    /**
     * Wakes {@code worker}, which may be parked as the driver owner (in the selector) or as a plain
     * parked worker. A worker that takes the driver after this check re-checks that it is still parked
     * (Worker.parkAsDriverOwner), so the wake-up is not lost in between.
     */
    void unpark(Worker worker) {
        if (driverOwner.get() == worker) {
            io.wakeOwner(worker);
        } else {
            LockSupport.unpark(worker);
        }
    }

    /**
     * A timer became the earliest, or the selector was created: wake the worker parked on the drivers.
     * If none is, a worker about to park reads the new deadline after claiming ownership (both sides are
     * volatile), and busy workers check the drivers every few ticks.
     */
    private void wakeDriverOwner() {
        Worker owner = driverOwner.get();
        if (owner != null) {
            io.wakeOwner(owner);
        }
    }

    Worker[] workers() {
        return workers;
    }

    SchedulerHooks hooks() {
        return hooks;
    }

    boolean isStopped() {
        return stopped;
    }

    @Override
    public int workerCount() {
        return workers.length;
    }

    @Override
    public void stop() {
        stopped = true;
        for (Worker worker : workers) {
            worker.unpark();
        }
    }

    @Override
    public boolean awaitStopped(long nanos) throws InterruptedException {
        long deadline = System.nanoTime() + nanos;
        for (Worker worker : workers) {
            long remaining = deadline - System.nanoTime();
            if (remaining > 0) {
                TimeUnit.NANOSECONDS.timedJoin(worker, remaining);
            }
            if (worker.isAlive()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public List<WorkerStats> metrics() {
        List<WorkerStats> snapshots = new ArrayList<>(workers.length);
        for (Worker worker : workers) {
            snapshots.add(worker.metrics.snapshot());
        }
        return snapshots;
    }

    /** The metrics object of each worker, for monitors that sample them (blocking detection). */
    public List<WorkerMetrics> workerMetrics() {
        List<WorkerMetrics> list = new ArrayList<>(workers.length);
        for (Worker worker : workers) {
            list.add(worker.metrics);
        }
        return list;
    }
}
