package dev.weft.runtime.internal.scheduler;

import dev.weft.runtime.internal.time.TimeDriver;

import java.util.concurrent.locks.LockSupport;

/*
 * Implementation notes.
 *
 * A worker is a platform thread that carries virtual threads: running a task means calling the
 * continuation runnable the JDK handed to MultiThreadScheduler.execute, which mounts the virtual thread
 * here until it parks, yields or ends.
 *
 * Drivers: a worker about to park first fires the timers that are due (the tasks they wake land in its
 * own LIFO slot and queue); then one parked worker at a time owns the drivers: it blocks in the I/O
 * driver's selector until an event or the next timer deadline, so the tasks woken by I/O land on its
 * own queue. Every MAINTENANCE_INTERVAL ticks a busy worker fires due timers and polls I/O without
 * waiting, so neither is late when no worker idles (Tokio's event_interval).
 *
 * Memory layout: the JDK writes the carrier's Thread fields on every mount, and this worker writes its
 * own fields on every run, so everything a worker allocates next to it is padded (LocalQueue before the
 * small FastRandom and CooperativeBudget, WorkerMetrics after them): two workers never write the same cache line in steady state.
 *
 * Thread ownership: `lifo`, `current`, `searching`, `tick`, `budget` and the push side of `queue`
 * belong to this worker's thread (the budget is spent by the task mounted here, on this thread). Other workers only steal from `queue` and call unpark().
 *
 * The loop follows Tokio's multi_thread worker: every GLOBAL_QUEUE_INTERVAL ticks the global queue is
 * checked first (so remote work is not starved by a busy local queue); otherwise the local queue, then a
 * batch from the global queue, then stealing (at most half of the workers search at once), then park.
 * Unlike Tokio, the periodic check also takes a batch, not one task: tasks spawned one after another
 * from outside sit next to each other in memory, and the JDK writes each task's virtual thread and
 * continuation on every switch, so handing them out one by one to alternate workers made the workers
 * false-share (measured: yield_many took up to 3x longer with tasks interleaved than in blocks).
 * A task made runnable by the task running here goes to the LIFO slot, so a woken task runs next on the
 * same worker with its caches warm (message passing, chained spawns); at most MAX_LIFO_POLLS LIFO runs
 * follow one regular run before the LIFO task is pushed to the back of the queue, so two tasks waking
 * each other cannot starve the queue. A task that re-submits itself (Thread.yield, or an unpark that
 * raced with its own park) goes to the back of the queue instead.
 */

/** A multi-thread scheduler's worker thread. See the implementation notes. */
final class Worker extends Thread {

    private static final int GLOBAL_QUEUE_INTERVAL = 31;
    private static final int MAINTENANCE_INTERVAL = 61;
    private static final int MAX_LIFO_POLLS = 3;

    final MultiThreadScheduler scheduler;
    final int index;
    final LocalQueue queue = new LocalQueue();
    final WorkerMetrics metrics;
    private final FastRandom random;

    private final CooperativeBudget budget;

    private final CarrierActions afterTask = new CarrierActions();
    private Runnable lifo;
    private Runnable current;
    private boolean searching;
    private int tick;

    Worker(MultiThreadScheduler scheduler, int index, String name, long seed, int budget) {
        super(null, null, name, 0, false);
        this.scheduler = scheduler;
        this.index = index;
        this.random = new FastRandom(seed);
        this.budget = new CooperativeBudget(budget);
        this.metrics = new WorkerMetrics(index);
        setDaemon(true);
    }

    @Override
    public void run() {
        scheduler.hooks().onStart();
        try {
            while (!scheduler.isStopped()) {
                tick++;
                if (tick % MAINTENANCE_INTERVAL == 0) {
                    maintain();
                }
                Runnable task = nextTask();
                if (task == null) {
                    task = stealWork();
                }
                if (task != null) {
                    runTask(task);
                } else {
                    park();
                }
            }
        } finally {
            scheduler.hooks().onStop();
        }
    }

    /** Called on this worker's thread when a task running here makes {@code task} runnable. */
    void scheduleLocal(Runnable task) {
        if (task == current) {
            requeueAtSwitch(task);
            return;
        }
        Runnable previous = lifo;
        lifo = task;
        if (previous != null) {
            pushBack(previous);
            scheduler.notifyParked();
        }
    }

    /**
     * Puts a task at the back of the queue at the moment this worker is about to pick its next task
     * (a task yielding, or the LIFO cap reached). Another worker is woken only if something else is
     * queued: a lone task runs here next anyway, and waking a worker just to steal it would bounce it
     * (and its cache lines) between cores, which on two cores cost more than the switch itself.
     */
    private void requeueAtSwitch(Runnable task) {
        pushBack(task);
        if (queue.length() > 1) {
            scheduler.notifyParked();
        }
    }

    private void pushBack(Runnable task) {
        if (queue.pushBack(task, scheduler.inject)) {
            metrics.recordOverflow();
        }
    }

    private Runnable nextTask() {
        Runnable woken = lifo;
        if (woken != null) {
            // Woken while this worker ran no task (a timer it fired while parking).
            lifo = null;
            return woken;
        }
        if (tick % GLOBAL_QUEUE_INTERVAL == 0) {
            Runnable remote = pullFromInject();
            if (remote != null) {
                return remote;
            }
        }
        Runnable local = queue.pop();
        if (local != null) {
            return local;
        }
        return pullFromInject();
    }

    /** Takes one task from the global queue to run now and moves a fair share of the rest locally. */
    private Runnable pullFromInject() {
        InjectQueue inject = scheduler.inject;
        Runnable first = inject.poll();
        if (first == null) {
            return null;
        }
        int batch = Math.min(queue.remainingCapacity(), LocalQueue.CAPACITY / 2) / scheduler.workerCount();
        for (int i = 0; i < batch; i++) {
            Runnable next = inject.poll();
            if (next == null) {
                break;
            }
            queue.pushBackUnchecked(next);
        }
        return first;
    }

    private Runnable stealWork() {
        if (!searching) {
            searching = scheduler.idle.transitionWorkerToSearching();
            if (!searching) {
                return null;
            }
        }
        Worker[] workers = scheduler.workers();
        int count = workers.length;
        int start = random.nextInt(count);
        for (int i = 0; i < count; i++) {
            Worker victim = workers[(start + i) % count];
            if (victim == this) {
                continue;
            }
            int before = queue.length();
            Runnable stolen = victim.queue.stealInto(queue);
            if (stolen != null) {
                metrics.recordSteal(queue.length() - before + 1);
                return stolen;
            }
        }
        return pullFromInject();
    }

    private void runTask(Runnable task) {
        if (searching) {
            searching = false;
            if (scheduler.idle.transitionWorkerFromSearching()) {
                // The last searcher found work: there may be more, so keep one worker looking.
                scheduler.notifyParked();
            }
        }
        runOne(task);
        for (int lifoPolls = 0; ; lifoPolls++) {
            Runnable next = lifo;
            if (next == null) {
                return;
            }
            lifo = null;
            if (lifoPolls >= MAX_LIFO_POLLS) {
                requeueAtSwitch(next);
                return;
            }
            metrics.recordLifoPoll();
            runOne(next);
        }
    }

    /** Called by the task running here: runs {@code action} on this thread once the task unmounts. */
    void deferUntilUnmount(Runnable action) {
        afterTask.add(action);
    }

    /** Called on this worker by the task running here at each await point; see TaskScheduler.spendBudget. */
    boolean spendBudget() {
        return budget.spend();
    }

    private void runOne(Runnable task) {
        current = task;
        budget.refill();
        metrics.beginPoll();
        try {
            task.run();
        } finally {
            metrics.endPoll();
            current = null;
            afterTask.runAll();
        }
    }

    private boolean hasTasks() {
        return lifo != null || !queue.isEmpty();
    }

    private void park() {
        if (hasTasks()) {
            return;
        }
        // Timers due now wake tasks onto this worker (execute() sees this thread as the carrier).
        if (scheduler.timers.process() > 0 && hasTasks()) {
            return;
        }
        boolean lastSearcher = scheduler.idle.transitionWorkerToParked(index, searching);
        searching = false;
        if (lastSearcher) {
            scheduler.notifyIfWorkPending();
        }
        metrics.recordPark();
        while (!scheduler.isStopped()) {
            if (scheduler.tryOwnDriver(this)) {
                parkAsDriverOwner();
            } else {
                LockSupport.park(scheduler);
            }
            if (transitionFromParked()) {
                return;
            }
        }
    }

    /**
     * Busy workers fire due timers and, when no parked worker owns the drivers, poll I/O without
     * waiting, so events are served even when no worker ever idles (Tokio's event_interval).
     */
    private void maintain() {
        scheduler.timers.process();
        if (scheduler.io.isActive() && scheduler.tryOwnDriver(this)) {
            try {
                scheduler.io.pollNow();
            } finally {
                scheduler.releaseDriver(this);
            }
        }
    }

    /**
     * Parks as the drivers' owner: in the selector (or on the thread before any I/O was registered)
     * until an I/O event, the next timer deadline or a wake-up; then fires what is due. A worker notified
     * after it parked but before it owned the driver was unparked without the selector being woken, so
     * it checks that it is still parked before it blocks.
     */
    private void parkAsDriverOwner() {
        try {
            if (!scheduler.idle.isParked(index)) {
                return;
            }
            long deadline = scheduler.timers.nextDeadlineNanos();
            scheduler.io.park(deadline == TimeDriver.NONE ? Long.MAX_VALUE
                    : deadline - scheduler.timers.clock().nanoTime());
        } finally {
            scheduler.releaseDriver(this);
        }
        scheduler.timers.process();
    }

    private boolean transitionFromParked() {
        if (hasTasks()) {
            searching = !scheduler.idle.unparkWorkerById(index);
            return true;
        }
        if (scheduler.idle.isParked(index)) {
            return false; // a spurious wake-up: nobody chose this worker
        }
        searching = true; // the notifier counted this worker as searching
        return true;
    }

    void unpark() {
        scheduler.unpark(this);
    }
}
