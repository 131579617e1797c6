package dev.weft.bench.sync;

import dev.weft.bench.Blocking;
import dev.weft.bench.sync.PrimitiveWorkload.Run;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * The JDK side of the notify workloads, which the JDK has no notify for: the condition-variable idiom.
 * A {@link ReentrantLock}, fair or not, guards the workload's state (the fields of a subclass); the
 * waiters wait on {@link #wakeUp} and the root on {@link #finished}.
 */
abstract class Monitor {

    final ReentrantLock lock;
    final Condition wakeUp;
    final Condition finished;

    Monitor(boolean fair) {
        lock = new ReentrantLock(fair);
        wakeUp = lock.newCondition();
        finished = lock.newCondition();
    }

    /** Runs {@code body} with the lock held; for a waiter's whole life, since awaiting releases the lock. */
    void locked(Runnable body) {
        lock.lock();
        try {
            body.run();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The root's part, with the lock held: waits on {@link #finished} until {@code ready} holds, times
     * {@code timed} (which returns the run's count), then runs {@code stop} and wakes every waiter.
     */
    Run root(BooleanSupplier ready, LongSupplier timed, Runnable stop) {
        lock.lock();
        try {
            while (!ready.getAsBoolean()) {
                Blocking.await(finished);
            }
            Run run = Run.timed(timed);
            stop.run();
            wakeUp.signalAll();
            return run;
        } finally {
            lock.unlock();
        }
    }
}
