package dev.weft.runtime.internal.scheduler;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/*
 * Implementation notes.
 *
 * A worker's bounded run queue: one producer (the owning worker), many consumers (the owner popping,
 * other workers stealing). The algorithm is Tokio's (tokio/src/runtime/scheduler/multi_thread/queue.rs).
 *
 * Positions are 32-bit counters that wrap; slot = position & MASK. The owner alone writes `tail` and the
 * slots. `head` packs two positions:
 *
 *   63                32 31                 0
 *   +-------------------+-------------------+
 *   |    steal head     |     real head     |
 *   +-------------------+-------------------+
 *
 * When no steal is in progress both halves are equal. A stealer first CASes `real` forward by half of
 * the queue's length (claiming that range while `steal` still marks its start), copies the claimed
 * tasks into its own queue, then CASes `steal` up to `real` to release the slots. The owner uses `steal`
 * (not `real`) to decide whether the buffer is full, so it never overwrites a slot being copied. Only
 * one steal runs at a time: a stealer that sees steal != real gives up.
 *
 * Memory ordering: the owner writes a slot with a plain store and publishes it with a release store of
 * `tail`; consumers read `tail` with acquire before reading slots. `head` changes only by CAS (volatile).
 * Consumed slots are cleared by whoever claimed them, so finished virtual threads are not kept alive.
 *
 * When the buffer is full the owner moves half of it, plus the new task, to the inject queue in one
 * batch (Tokio's push_overflow), so a burst of spawns spreads to other workers.
 *
 * `head` and `tail` sit between two 128-byte paddings (class-hierarchy padding, as in JCTools and
 * Agrona): stealers CAS `head`, and without padding that write would invalidate whatever the JVM
 * allocated next to the queue, such as the owning worker's own hot fields.
 */

/** The indices of a {@link LocalQueue}, between its paddings. */
abstract class LocalQueueIndices extends CacheLinePadding {
    volatile long head;
    volatile int tail;
}

/** Cache-line padding behind a queue's indices. */
@SuppressWarnings("unused")
abstract class LocalQueueTrailingPadding extends LocalQueueIndices {
    long q01, q02, q03, q04, q05, q06, q07, q08, q09, q10, q11, q12, q13, q14, q15, q16;
}

/** A worker's bounded work-stealing ring buffer. See the implementation notes. */
final class LocalQueue extends LocalQueueTrailingPadding {

    static final int CAPACITY = 256;
    private static final int MASK = CAPACITY - 1;

    private static final VarHandle HEAD;
    private static final VarHandle TAIL;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            HEAD = lookup.findVarHandle(LocalQueueIndices.class, "head", long.class);
            TAIL = lookup.findVarHandle(LocalQueueIndices.class, "tail", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Runnable[] slots = new Runnable[CAPACITY];

    private static long pack(int steal, int real) {
        return ((long) steal << 32) | (real & 0xFFFF_FFFFL);
    }

    private static int stealPart(long head) {
        return (int) (head >>> 32);
    }

    private static int realPart(long head) {
        return (int) head;
    }

    private long getHeadAcquire() {
        return (long) HEAD.getAcquire(this);
    }

    private boolean casHead(long expected, long next) {
        return HEAD.compareAndSet(this, expected, next);
    }

    private int getTailAcquire() {
        return (int) TAIL.getAcquire(this);
    }

    private int getTailOwner() {
        return (int) TAIL.get(this);
    }

    private void setTailRelease(int value) {
        TAIL.setRelease(this, value);
    }

    /** Number of queued tasks; exact for the owner, a snapshot for others. */
    int length() {
        return getTailAcquire() - realPart(getHeadAcquire());
    }

    boolean isEmpty() {
        return length() == 0;
    }

    /** Owner only: the number of tasks that can still be pushed without overflowing. */
    int remainingCapacity() {
        return CAPACITY - (getTailOwner() - stealPart(getHeadAcquire()));
    }

    /**
     * Owner only: appends a task, moving half of the queue to {@code overflow} when full. Returns true
     * when the queue overflowed (the task went to {@code overflow}, with half of the queue or alone).
     */
    boolean pushBack(Runnable task, InjectQueue overflow) {
        while (true) {
            long h = getHeadAcquire();
            int steal = stealPart(h);
            int t = getTailOwner();
            if (t - steal < CAPACITY) {
                slots[t & MASK] = task;
                setTailRelease(t + 1);
                return false;
            }
            if (steal != realPart(h)) {
                // A stealer is emptying the queue right now; hand the task to the other workers.
                overflow.push(task);
                return true;
            }
            if (pushOverflow(task, realPart(h), t, overflow)) {
                return true;
            }
        }
    }

    /** Owner only: pushes a task the caller knows fits (it checked {@link #remainingCapacity()}). */
    void pushBackUnchecked(Runnable task) {
        int t = getTailOwner();
        slots[t & MASK] = task;
        setTailRelease(t + 1);
    }

    private boolean pushOverflow(Runnable task, int head, int tail, InjectQueue overflow) {
        int half = CAPACITY / 2;
        assert tail - head == CAPACITY : "queue is not full: " + (tail - head);
        if (!casHead(pack(head, head), pack(head + half, head + half))) {
            return false; // a consumer took tasks; there is room again
        }
        Runnable[] batch = new Runnable[half + 1];
        for (int i = 0; i < half; i++) {
            int slot = (head + i) & MASK;
            batch[i] = slots[slot];
            slots[slot] = null;
        }
        batch[half] = task;
        overflow.pushBatch(batch);
        return true;
    }

    /** Owner only: removes the oldest task, or returns null when empty. */
    Runnable pop() {
        long h = getHeadAcquire();
        while (true) {
            int steal = stealPart(h);
            int real = realPart(h);
            if (real == getTailOwner()) {
                return null;
            }
            int nextReal = real + 1;
            long next = steal == real ? pack(nextReal, nextReal) : pack(steal, nextReal);
            long witness = (long) HEAD.compareAndExchange(this, h, next);
            if (witness == h) {
                int slot = real & MASK;
                Runnable task = slots[slot];
                slots[slot] = null;
                return task;
            }
            h = witness;
        }
    }

    /**
     * Called by another worker: moves half of this queue's tasks into {@code destination} (which the
     * caller owns) and returns one of them to run now, or null when nothing was stolen.
     */
    Runnable stealInto(LocalQueue destination) {
        int destinationTail = destination.getTailOwner();
        if (destination.remainingCapacity() < CAPACITY / 2) {
            return null; // Tokio's rule: only steal into a queue that is at most half full.
        }
        int count = stealIntoRange(destination, destinationTail);
        if (count == 0) {
            return null;
        }
        count--;
        int lastSlot = (destinationTail + count) & MASK;
        Runnable task = destination.slots[lastSlot];
        destination.slots[lastSlot] = null;
        if (count > 0) {
            destination.setTailRelease(destinationTail + count);
        }
        return task;
    }

    private int stealIntoRange(LocalQueue destination, int destinationTail) {
        long previous = getHeadAcquire();
        long next;
        int count;
        while (true) {
            int steal = stealPart(previous);
            int real = realPart(previous);
            if (steal != real) {
                return 0; // another worker is stealing from this queue
            }
            int available = getTailAcquire() - real;
            count = available - available / 2;
            if (count == 0) {
                return 0;
            }
            next = pack(steal, real + count);
            long witness = (long) HEAD.compareAndExchange(this, previous, next);
            if (witness == previous) {
                break;
            }
            previous = witness;
        }
        int first = stealPart(next);
        for (int i = 0; i < count; i++) {
            int from = (first + i) & MASK;
            destination.slots[(destinationTail + i) & MASK] = slots[from];
            slots[from] = null;
        }
        // Release the claimed range: move the steal half up to the (possibly advanced) real half.
        previous = next;
        while (true) {
            int real = realPart(previous);
            long witness = (long) HEAD.compareAndExchange(this, previous, pack(real, real));
            if (witness == previous) {
                return count;
            }
            previous = witness;
        }
    }
}
