package dev.weft.sync;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/*
 * Implementation notes.
 *
 * The state an Mpsc channel's handles share (Tokio's mpsc::chan): the item queue, the receiver's waker
 * slot, the capacity, and the number of open senders.
 *
 * Send = acquire a permit (MpscCapacity) + push (MpscQueue, one getAndSet) + wake the receiver if it
 * registered (AtomicWaker: one volatile read when it did not). Receive = poll + release the permit.
 *
 * When is the channel finished for the receiver (receive returns empty)? When it can no longer get an
 * item: no sender can send (every sender closed, or the receiver closed) and the capacity is idle (every
 * permit back: nothing buffered, no send between acquire and push, no reservation held). isFinished()
 * reads `senders` before the capacity: a sender acquires before it pushes and pushes before it closes,
 * so a receiver that sees `senders == 0` also sees the permit that sender still holds. The last sender
 * to close wakes the receiver, after its decrement (the Dekker pair of AtomicWaker).
 *
 * A send that took its permit before the receiver closed may still be pushing when the close returns.
 * A tryReceive after the close that reported Empty then would not be linearizable (the send succeeded,
 * so it came before the close, so its item was there; Lincheck's stress run found it), so once the
 * receiver has closed, take() waits for a pending push (MpscCapacity.isPushPending: a few instructions
 * away, never behind an await point; it spins, then yields).
 */

/** The shared state of an Mpsc channel. See the implementation notes. */
final class MpscChannel<T> {

    private static final int SPINS_BEFORE_YIELD = 64;
    private static final VarHandle SENDERS;

    static {
        try {
            SENDERS = MethodHandles.lookup().findVarHandle(MpscChannel.class, "senders", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final MpscQueue<T> queue = new MpscQueue<>();
    final AtomicWaker receiverWaker = new AtomicWaker();
    final MpscCapacity capacity;
    @SuppressWarnings("unused") // accessed through SENDERS
    private volatile int senders = 1;

    MpscChannel(long bound, boolean unbounded) {
        this.capacity = new MpscCapacity(bound, unbounded, receiverWaker);
    }

    /** Buffers {@code item}, for which the caller holds a permit, and wakes the receiver. */
    void push(T item) {
        queue.push(item);
        receiverWaker.wake();
    }

    /**
     * Takes the next item and returns its permit, or returns null; the receiver only. Once the receiver
     * has closed, an empty queue with a push pending waits for that push (see the implementation notes).
     */
    T take() {
        T item = queue.poll();
        if (item == null && capacity.isClosed()) {
            item = awaitPendingPush();
        }
        if (item != null) {
            capacity.release(1);
        }
        return item;
    }

    private T awaitPendingPush() {
        T item = null;
        for (int spins = 0; item == null && capacity.isPushPending(); spins++) {
            if (spins < SPINS_BEFORE_YIELD) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
            item = queue.poll();
        }
        return item;
    }

    void senderOpened() {
        SENDERS.getAndAdd(this, 1);
    }

    void senderClosed() {
        if ((int) SENDERS.getAndAdd(this, -1) == 1) {
            receiverWaker.wake();
        }
    }

    /** True when no sender can send any more: every sender closed, or the receiver closed. */
    boolean isClosed() {
        return senders == 0 || capacity.isClosed();
    }

    /** True when the receiver will get no more items. See the implementation notes. */
    boolean isFinished() {
        return isClosed() && capacity.isIdle();
    }
}
