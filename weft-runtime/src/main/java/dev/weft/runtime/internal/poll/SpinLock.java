package dev.weft.runtime.internal.poll;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/*
 * Implementation notes.
 *
 * A test-and-test-and-set lock for critical sections of a few dozen instructions that both tasks
 * (virtual threads) and carrier threads (workers, the I/O driver's owner) enter.
 *
 * Why not a monitor or a ReentrantLock: both hand the lock to a queued successor. On JDK 24+ a virtual
 * thread that blocks on either unmounts and waits in the queue; when the holder leaves, the successor is
 * resubmitted to Weft's scheduler, and a carrier queued behind it stays parked until that task has run.
 * If the carrier is the worker that would run it (or the others are parked), the runtime deadlocks: the
 * echo benchmark found exactly that on the Selector's internal monitors. Here nobody queues: a waiter
 * spins and then yields (a task yields its carrier, a carrier its core), and whoever finds the lock free
 * takes it, so a carrier never waits for a task that is not running. The holder never parks inside.
 *
 * Memory ordering: lock() is a CAS (acquire), unlock() a release store.
 */

/** A non-queuing spin lock for tiny critical sections shared by tasks and carriers. See the notes. */
public final class SpinLock {

    private static final int SPINS_BEFORE_YIELD = 64;
    private static final VarHandle HELD;

    static {
        try {
            HELD = MethodHandles.lookup().findVarHandle(SpinLock.class, "held", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @SuppressWarnings("unused") // accessed through HELD
    private volatile int held;

    /** Takes the lock, spinning and then yielding while another thread holds it. */
    public void lock() {
        if (HELD.compareAndSet(this, 0, 1)) {
            return;
        }
        for (int spins = 0; ; spins++) {
            if ((int) HELD.getOpaque(this) == 0 && HELD.compareAndSet(this, 0, 1)) {
                return;
            }
            if (spins < SPINS_BEFORE_YIELD) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
    }

    /** Releases the lock; only its holder may call it. */
    public void unlock() {
        HELD.setRelease(this, 0);
    }
}
