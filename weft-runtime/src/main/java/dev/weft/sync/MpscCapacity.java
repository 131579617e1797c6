package dev.weft.sync;

import dev.weft.runtime.internal.poll.WaitList;
import dev.weft.runtime.internal.poll.Waker;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/*
 * Implementation notes.
 *
 * The capacity of an Mpsc channel: Tokio's batch_semaphore (tokio/src/sync/batch_semaphore.rs)
 * specialised to one permit per acquire, with the permit count split in two counters so that the
 * consumer needs no atomic instruction (the idea of JCTools' array queues, whose consumer publishes
 * its index with a plain ordered store):
 *
 *   acquired = permits taken by senders, minus those given back unused, << 1 | CLOSED (bit 0, set once
 *              when the receiver closes). Changed by senders, by CAS.
 *   received = items the receiver has taken. Written by the receiver alone.
 *
 * Permits in use = acquired - received (items buffered, sends between acquire and push, reservations
 * held); free = bound - in use. The channel is idle when in use == 0. `held` counts the permits in use
 * that no item is on its way for: reservations, and permits handed to waiting senders that have not
 * observed them yet. So when the queue is empty, acquired - received - held > 0 means a sender is
 * between its CAS and its push (isPushPending): a few instructions, never an await point.
 *
 *   acquire, fast path: when no sender is queued (`queued == 0`), CAS `acquired` up by one if a permit
 *     is free (reading `received` after `acquired`; it only grows, so the check never over-admits).
 *     Unbounded channels never run out and skip the check, but still CAS rather than getAndAdd: an add
 *     undone after finding CLOSED would make a closed, drained channel look busy for a moment, and a
 *     tryReceive in that moment would say Empty instead of Disconnected (Lincheck's stress run found it).
 *   acquire, slow path: under the lock, enqueue the sender's node (FIFO), publish `queued`, then hand
 *     free permits to queued nodes oldest first (`assignAvailable`: CAS `acquired` up, dequeue the node,
 *     mark it ASSIGNED, collect its waker). Wakers are woken after the lock is released.
 *   release (the receiver took n items): a volatile store of `received`, then a read of `queued`; if
 *     senders are queued, lock and hand over. Store-then-load against the slow path's write of `queued`
 *     followed by its read of `received` is a Dekker pair over sequentially consistent volatiles: one of
 *     the two sees the other, so no permit stays unused while a sender waits. An unbounded channel has
 *     no queue, so its receiver publishes `received` with a release store and reads nothing.
 *   give back (an unused reservation, a permit handed to an abandoned node): getAndAdd `acquired`
 *     down, hand over as release does, and wake the receiver, for which the channel may now be idle
 *     (the end of the stream it may be waiting for).
 *   close: under the lock, set CLOSED and fail every queued node (phase CLOSED). A sender that finds
 *     CLOSED under the lock never enqueues, so no node waits on a closed channel.
 *
 * A node's `phase` is written under the lock, except ASSIGNED -> IDLE, which its owner writes when its
 * poll observes the permit (from then on the permit is the owner's). An owner that gives up while its
 * node is ASSIGNED gives the permit back, so an abandoned acquire consumes nothing.
 *
 * The lock is a monitor, taken only on the slow paths. The nodes to wake are linked through
 * `handedNext` under it and woken after it is released, so a hand-over allocates nothing.
 *
 * The counters are written on different cores; class-hierarchy padding keeps them off the cache lines of
 * the objects allocated around the capacity, and `received` off the line of `acquired`.
 */

/** The senders' fields of an {@link MpscCapacity}, behind its leading padding. */
abstract class MpscCapacityAcquired extends ChannelPadding {
    volatile long acquired;
    volatile long held;
    volatile int queued;
}

/** Padding between the senders' and the receiver's fields of an {@link MpscCapacity}. */
@SuppressWarnings("unused")
abstract class MpscCapacityMiddlePadding extends MpscCapacityAcquired {
    long m01, m02, m03, m04, m05, m06, m07, m08, m09, m10, m11, m12, m13, m14, m15, m16;
}

/** The receiver's field of an {@link MpscCapacity}. */
abstract class MpscCapacityReceived extends MpscCapacityMiddlePadding {
    volatile long received;
}

/** The capacity of an Mpsc channel and its queue of waiting senders. See the implementation notes. */
final class MpscCapacity extends MpscCapacityReceived {

    /** What an acquire found. */
    enum Outcome {
        /** The caller holds a permit. */
        ACQUIRED,
        /** No permit is free; a polling acquire has queued its node. */
        FULL,
        /** The receiver has closed. */
        CLOSED
    }

    private static final long CLOSED = 1;
    private static final long ONE = 2;
    private static final VarHandle ACQUIRED;
    private static final VarHandle HELD;
    private static final VarHandle RECEIVED;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            ACQUIRED = lookup.findVarHandle(MpscCapacityAcquired.class, "acquired", long.class);
            HELD = lookup.findVarHandle(MpscCapacityAcquired.class, "held", long.class);
            RECEIVED = lookup.findVarHandle(MpscCapacityReceived.class, "received", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @SuppressWarnings("unused") // trailing padding
    private long t01, t02, t03, t04, t05, t06, t07, t08, t09, t10, t11, t12, t13, t14, t15, t16;

    private final long bound;
    private final boolean unbounded;
    private final AtomicWaker receiverWaker;
    private final Object lock = new Object();
    private final WaitList<SendWaiter> waiters = new WaitList<>();

    /**
     * A capacity of {@code bound} permits ({@code unbounded} when no program can use them all). Giving a
     * permit back can make the channel idle, which a receiver waiting for the end of the stream must
     * learn: it is woken through {@code receiverWaker}.
     */
    MpscCapacity(long bound, boolean unbounded, AtomicWaker receiverWaker) {
        this.bound = bound;
        this.unbounded = unbounded;
        this.receiverWaker = receiverWaker;
    }

    long bound() {
        return bound;
    }

    /** The permits free now. */
    long available() {
        return bound - ((acquired >>> 1) - received);
    }

    boolean isClosed() {
        return (acquired & CLOSED) != 0;
    }

    /** True when every permit is back: no item is buffered or in flight and no reservation is held. */
    boolean isIdle() {
        return acquired >>> 1 == received;
    }

    /**
     * True while a sender that holds a permit is about to push its item: permits in use, minus the items
     * taken, minus the permits held without an item on its way (reservations, permits handed to waiting
     * senders that have not run yet). The receiver calls it when its queue is empty.
     */
    boolean isPushPending() {
        return (acquired >>> 1) - received - held > 0;
    }

    /** Counts a permit that its owner keeps for later (a reservation). */
    void hold() {
        HELD.getAndAdd(this, 1L);
    }

    /** Stops counting a held permit: its owner is about to push, or gives it back. */
    void unhold() {
        HELD.getAndAdd(this, -1L);
    }

    /** Takes a permit if one is free and no sender is queued; never waits. */
    Outcome tryAcquire() {
        long current = acquired;
        if (queued != 0) {
            return (current & CLOSED) != 0 ? Outcome.CLOSED : Outcome.FULL;
        }
        while (true) {
            if ((current & CLOSED) != 0) {
                return Outcome.CLOSED;
            }
            if (!unbounded && (current >>> 1) - received >= bound) {
                return Outcome.FULL;
            }
            long witness = (long) ACQUIRED.compareAndExchange(this, current, current + ONE);
            if (witness == current) {
                return Outcome.ACQUIRED;
            }
            current = witness;
        }
    }

    /**
     * The poll-protocol acquire of {@code waiter}: ACQUIRED when it holds a permit, CLOSED when the
     * receiver closed, FULL when it is queued and {@code waker} will be woken when that changes.
     */
    Outcome pollAcquire(SendWaiter waiter, Waker waker) {
        switch (waiter.phase) {
            case SendWaiter.IDLE -> {
                Outcome fast = tryAcquire();
                return fast == Outcome.FULL ? enqueue(waiter, waker) : fast;
            }
            case SendWaiter.WAITING -> {
                if (waiter.waker() != waker) {
                    refreshWaker(waiter, waker);
                }
                return observe(waiter);
            }
            default -> {
                return observe(waiter);
            }
        }
    }

    private void refreshWaker(SendWaiter waiter, Waker waker) {
        synchronized (lock) {
            if (waiter.phase == SendWaiter.WAITING) {
                waiter.setWaker(waker);
            }
        }
    }

    private Outcome enqueue(SendWaiter waiter, Waker waker) {
        SendWaiter handed;
        synchronized (lock) {
            if (isClosed()) {
                return Outcome.CLOSED;
            }
            waiter.setWaker(waker);
            waiter.phase = SendWaiter.WAITING;
            waiters.addLast(waiter);
            queued = waiters.size();
            handed = assignAvailable(waiter);
        }
        wakeAll(handed);
        return observe(waiter);
    }

    private Outcome observe(SendWaiter waiter) {
        int phase = waiter.phase;
        if (phase == SendWaiter.ASSIGNED) {
            waiter.phase = SendWaiter.IDLE;
            unhold();
            return Outcome.ACQUIRED;
        }
        return phase == SendWaiter.CLOSED ? Outcome.CLOSED : Outcome.FULL;
    }

    /** Gives up the acquire of {@code waiter}: leaves the queue, or gives back a permit it was handed. */
    void abandon(SendWaiter waiter) {
        int phase = waiter.phase;
        if (phase != SendWaiter.WAITING && phase != SendWaiter.ASSIGNED) {
            return;
        }
        boolean gaveBack = false;
        SendWaiter handed = null;
        synchronized (lock) {
            if (waiter.phase == SendWaiter.WAITING) {
                waiters.remove(waiter);
                queued = waiters.size();
            } else if (waiter.phase == SendWaiter.ASSIGNED) {
                ACQUIRED.getAndAdd(this, -ONE);
                unhold();
                handed = assignAvailable(null);
                gaveBack = true;
            }
            waiter.phase = SendWaiter.IDLE;
        }
        if (gaveBack) {
            wakeAll(handed);
            receiverWaker.wake();
        }
    }

    /**
     * Gives back one held permit a sender did not use (an unused reservation), and wakes the receiver,
     * for which the channel may now be idle.
     */
    void giveBack() {
        ACQUIRED.getAndAdd(this, -ONE);
        unhold();
        handOverIfQueued();
        receiverWaker.wake();
    }

    /** Records that the receiver took {@code count} more items, and hands their permits on; the receiver only. */
    void release(int count) {
        long total = received + count;
        if (unbounded) {
            RECEIVED.setRelease(this, total);
        } else {
            received = total;
            handOverIfQueued();
        }
    }

    private void handOverIfQueued() {
        if (queued != 0) {
            SendWaiter handed;
            synchronized (lock) {
                handed = assignAvailable(null);
            }
            wakeAll(handed);
        }
    }

    /** Closes the channel for sending: fails every queued sender. Idempotent. */
    void close() {
        SendWaiter failed = null;
        synchronized (lock) {
            ACQUIRED.getAndBitwiseOr(this, CLOSED);
            for (SendWaiter waiter = waiters.pollFirst(); waiter != null; waiter = waiters.pollFirst()) {
                waiter.phase = SendWaiter.CLOSED;
                waiter.handedNext = failed;
                failed = waiter;
            }
            queued = 0;
        }
        wakeAll(failed);
    }

    /**
     * Hands free permits to queued senders, oldest first; the caller holds the lock. Returns the senders
     * to wake (linked through {@code handedNext}, oldest first), leaving out {@code self}.
     */
    private SendWaiter assignAvailable(SendWaiter self) {
        SendWaiter handed = null;
        SendWaiter last = null;
        SendWaiter first;
        while ((first = waiters.peekFirst()) != null) {
            long current = acquired;
            if ((current >>> 1) - received >= bound) {
                break;
            }
            if (ACQUIRED.compareAndSet(this, current, current + ONE)) {
                hold();
                waiters.pollFirst();
                first.phase = SendWaiter.ASSIGNED;
                if (first != self) {
                    first.handedNext = null;
                    if (last == null) {
                        handed = first;
                    } else {
                        last.handedNext = first;
                    }
                    last = first;
                }
            }
        }
        queued = waiters.size();
        return handed;
    }

    /** Wakes the senders of a list made under the lock; called after releasing it. */
    private static void wakeAll(SendWaiter handed) {
        for (SendWaiter waiter = handed; waiter != null; waiter = waiter.handedNext) {
            waiter.wake();
        }
    }
}
