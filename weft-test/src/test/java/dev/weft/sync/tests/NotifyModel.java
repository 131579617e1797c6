package dev.weft.sync.tests;

import java.util.ArrayDeque;

/**
 * The sequential specification of {@link NotifyLincheckTest}, written from Tokio's documented semantics
 * rather than from the implementation: one stored permit at most, a FIFO queue of waiters, notifyWaiters
 * completing every waiter started before it, and an abandoned waiter chosen by notifyOne passing the
 * notification on.
 */
public class NotifyModel {

    private static final int MAX_THREADS = 8;

    /** A started notified(). */
    private static final class Waiter {
        final long callsAtStart;
        boolean queued;
        boolean notifiedByOne;
        boolean notified;

        Waiter(long callsAtStart) {
            this.callsAtStart = callsAtStart;
        }
    }

    private boolean permit;
    private long notifyWaitersCalls;
    private final ArrayDeque<Waiter> queue = new ArrayDeque<>();
    private final Waiter[] pending = new Waiter[MAX_THREADS];

    public void notifyOne() {
        Waiter first = queue.pollFirst();
        if (first == null) {
            permit = true;
            return;
        }
        first.notified = true;
        first.notifiedByOne = true;
    }

    public void notifyWaiters() {
        notifyWaitersCalls++;
        for (Waiter waiter : queue) {
            waiter.notified = true;
        }
        queue.clear();
    }

    public String start(int thread) {
        if (pending[thread] != null) {
            return "busy";
        }
        pending[thread] = new Waiter(notifyWaitersCalls);
        return "started";
    }

    public String poll(int thread) {
        Waiter waiter = pending[thread];
        if (waiter == null) {
            return "idle";
        }
        boolean done;
        if (waiter.queued) {
            done = waiter.notified;
        } else if (waiter.callsAtStart != notifyWaitersCalls) {
            done = true;
        } else if (permit) {
            permit = false;
            done = true;
        } else {
            waiter.queued = true;
            queue.addLast(waiter);
            done = false;
        }
        if (done) {
            pending[thread] = null;
            return "notified";
        }
        return "pending";
    }

    public String abandon(int thread) {
        Waiter waiter = pending[thread];
        if (waiter == null) {
            return "idle";
        }
        pending[thread] = null;
        queue.remove(waiter);
        if (waiter.notifiedByOne) {
            notifyOne();
        }
        return "abandoned";
    }
}
