package dev.weft.sync;

import dev.weft.Async;
import dev.weft.runtime.internal.poll.Pollable;
import dev.weft.runtime.internal.poll.Pollables;
import dev.weft.runtime.internal.poll.WaitList;
import dev.weft.runtime.internal.poll.WaitNode;
import dev.weft.runtime.internal.poll.WakeBatch;
import dev.weft.runtime.internal.poll.Waker;

import java.util.concurrent.locks.ReentrantLock;

/*
 * Implementation notes.
 *
 * Tokio's Barrier counts arrivals under a lock and opens a generation when the n-th arrives; the waiters
 * of that generation are released together and the count starts again for the next one. Tokio waits
 * on a watch channel and is not cancel-safe (a cancelled wait stays counted). Here each arrival is a
 * node in a wait list guarded by `lock`: the n-th arrival marks every queued node `released`, empties
 * the list and wakes them after unlocking; an arrival abandoned before its generation opened removes its
 * node and is no longer counted. `released` is written under the lock and read by the owner, first
 * without the lock (volatile) and then under it.
 */

/**
 * Lets a fixed number of tasks wait for each other: Tokio's {@code Barrier}. Each of {@code parties} tasks
 * awaits {@link #arrive()}; the first {@code parties - 1} wait, and the last to arrive opens the barrier,
 * releasing them all at once. Exactly one of them, the last, is told it is the leader. The barrier is
 * then ready for the next generation.
 *
 * {@snippet :
 * Barrier barrier = new Barrier(3);
 * long leaders = AsyncRuntime.run(() -> {
 *     List<JoinHandle<BarrierResult>> tasks = new ArrayList<>();
 *     for (int i = 0; i < 3; i++) {
 *         tasks.add(Weft.spawn(barrier.arrive()));
 *     }
 *     long count = 0;
 *     for (JoinHandle<BarrierResult> task : tasks) {
 *         count += task.await().isLeader() ? 1 : 0;
 *     }
 *     return count;   // 1
 * });
 * }
 *
 * <h2>Cancellation</h2>
 * Cancel-safe, unlike Tokio's: an arrival cancelled while it waits is withdrawn, so the barrier then
 * waits for one more arrival. An arrival cancelled after its generation opened changes nothing.
 *
 * <h2>Memory consistency effects</h2>
 * Actions of every party before {@code arrive()} happen-before the actions of every party of the same
 * generation after its {@code arrive()} completes.
 */
public final class Barrier {

    private final int parties;
    private final ReentrantLock lock = new ReentrantLock();
    private final WaitList<Arrival> waiting = new WaitList<>();
    private final Async<BarrierResult> arrive = Pollables.async(Arrival::new);

    /**
     * Creates a barrier that opens when {@code parties} tasks have arrived.
     *
     * @throws IllegalArgumentException if {@code parties} is not positive
     */
    public Barrier(int parties) {
        if (parties <= 0) {
            throw new IllegalArgumentException("parties <= 0: " + parties);
        }
        this.parties = parties;
    }

    /** How many arrivals open the barrier. */
    public int parties() {
        return parties;
    }

    /** How many tasks wait at the barrier now (a snapshot). */
    public int waiting() {
        lock.lock();
        try {
            return waiting.size();
        } finally {
            lock.unlock();
        }
    }

    /**
     * An operation that arrives at the barrier and waits until {@code parties} tasks have arrived.
     *
     * <h4>Cancellation</h4>
     * Cancel-safe: see the class documentation.
     */
    public Async<BarrierResult> arrive() {
        return arrive;
    }

    @Override
    public String toString() {
        return "Barrier[" + waiting() + " of " + parties + " waiting]";
    }

    /** One arrival, queued until its generation opens. */
    private final class Arrival extends WaitNode implements Pollable<BarrierResult> {

        private volatile boolean released;
        private boolean leader;
        private boolean queued;

        @Override
        public boolean poll(Waker waker) {
            if (released) {
                return true;
            }
            WakeBatch woken = new WakeBatch();
            lock.lock();
            try {
                if (queued) {
                    setWaker(waker);
                    return released;
                }
                if (waiting.size() + 1 < parties) {
                    setWaker(waker);
                    waiting.addLast(this);
                    queued = true;
                    return false;
                }
                waiting.drain(follower -> {
                    follower.released = true;
                    woken.add(follower);
                });
                leader = true;
                released = true;
                return true;
            } finally {
                lock.unlock();
                woken.wakeAll();
            }
        }

        @Override
        public BarrierResult result() {
            if (!released) {
                throw new IllegalStateException("the barrier has not opened");
            }
            return BarrierResult.of(leader);
        }

        @Override
        public void abandon() {
            if (!queued || released) {
                return;
            }
            lock.lock();
            try {
                waiting.remove(this);
            } finally {
                lock.unlock();
            }
        }
    }
}
