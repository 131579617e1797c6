package dev.weft.sync;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/*
 * Implementation notes.
 *
 * The shared state of a Oneshot channel (Tokio's oneshot::Inner): the value, a state word, and one
 * AtomicWaker per side (the receiver waiting for the value, the sender waiting in closed()).
 *
 *   state bits: VALUE_SENT, SENDER_CLOSED (closed without a value), RECEIVER_CLOSED (closed, or took
 *               the value), VALUE_TAKEN. Bits are only ever set.
 *
 * The sender writes `value` with a plain store and publishes it by CASing VALUE_SENT into `state`; the
 * CAS fails if RECEIVER_CLOSED got there first, and then the sender clears `value` again and reports
 * that nothing was delivered. The receiver reads `value` only after it has seen VALUE_SENT (volatile
 * read), and takes it by CASing VALUE_TAKEN in, so that the value is handed out once. Every change of
 * `state` is followed by a wake of the other side's waker; every registration is followed by a re-read of
 * `state` (the Dekker pair of AtomicWaker), so no wake-up is lost. The sender's slot is made on first
 * use (a CAS, so both sides agree on it): a side that changes `state` and finds no slot knows that the
 * sender registers later, and then re-reads `state`.
 */

/** The shared state of a Oneshot channel. See the implementation notes. */
final class OneshotCell<T> {

    static final int VALUE_SENT = 1;
    static final int SENDER_CLOSED = 2;
    static final int RECEIVER_CLOSED = 4;
    static final int VALUE_TAKEN = 8;

    private static final VarHandle STATE;
    private static final VarHandle SENDER_WAKER;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            STATE = lookup.findVarHandle(OneshotCell.class, "state", int.class);
            SENDER_WAKER = lookup.findVarHandle(OneshotCell.class, "senderWaker", AtomicWaker.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final AtomicWaker receiverWaker = new AtomicWaker();
    @SuppressWarnings("unused") // accessed through STATE
    private volatile int state;
    private volatile AtomicWaker senderWaker;
    private T value;

    int state() {
        return state;
    }

    /** The sender's waker slot, made on first use: most senders never wait for the receiver. */
    AtomicWaker senderWaker() {
        AtomicWaker slot = senderWaker;
        if (slot == null) {
            AtomicWaker made = new AtomicWaker();
            AtomicWaker witness = (AtomicWaker) SENDER_WAKER.compareAndExchange(this, null, made);
            slot = witness == null ? made : witness;
        }
        return slot;
    }

    private void wakeSender() {
        AtomicWaker slot = senderWaker;
        if (slot != null) {
            slot.wake();
        }
    }

    /** Delivers {@code value}; false when the receiver closed first. The sender calls it once. */
    boolean send(T value) {
        this.value = value;
        int current = state;
        while ((current & RECEIVER_CLOSED) == 0) {
            int witness = (int) STATE.compareAndExchange(this, current, current | VALUE_SENT);
            if (witness == current) {
                receiverWaker.wake();
                return true;
            }
            current = witness;
        }
        this.value = null;
        return false;
    }

    /** Closes the sending side without a value. */
    void closeSender() {
        STATE.getAndBitwiseOr(this, SENDER_CLOSED);
        receiverWaker.wake();
    }

    /** Closes the receiving side; a value already sent stays receivable. */
    void closeReceiver() {
        STATE.getAndBitwiseOr(this, RECEIVER_CLOSED);
        wakeSender();
    }

    /**
     * Takes the value once {@code observed} (a state read by the caller) has VALUE_SENT; returns false if
     * it was taken already. Marks the receiver closed, since nothing more can come.
     */
    boolean take(int observed) {
        int current = observed;
        while ((current & VALUE_TAKEN) == 0) {
            int witness = (int) STATE.compareAndExchange(this, current, current | VALUE_TAKEN | RECEIVER_CLOSED);
            if (witness == current) {
                wakeSender();
                return true;
            }
            current = witness;
        }
        return false;
    }

    /** The value, after a successful {@link #take}; clears the cell's reference to it. */
    T takenValue() {
        T taken = value;
        value = null;
        return taken;
    }
}
