package dev.weft.sync;

import dev.weft.runtime.internal.poll.Waker;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/*
 * Implementation notes.
 *
 * The waker of the one operation that may wait on a single-consumer endpoint (an Mpsc receiver, either
 * side of a Oneshot, each receiver of a Broadcast or Watch channel): Tokio's AtomicWaker, simplified
 * because Weft's wakers tolerate spurious wakes.
 *
 * register() is a volatile store; wake() reads the slot and, only if a waker is there, takes it with a
 * CAS and wakes it. So a producer pays one volatile load when nobody waits (the consumer is busy), and at
 * most one wake per registration reaches the consumer however many producers race.
 *
 * No wake-up is lost (a Dekker pair over sequentially consistent volatiles): the consumer registers and
 * then re-reads the state it waits on with a volatile read; the producer publishes that state with a
 * volatile write or read-modify-write and then reads the slot. One of the two sees the other's write.
 * clear() withdraws a registration the consumer no longer needs; a producer racing with it may still wake
 * the old waker once, which costs the woken task one extra poll.
 *
 * One slot serves one waiting operation at a time: `owner` names it (claim/release, plain field, owned by
 * the endpoint's task). An endpoint serves one task at a time (Tokio enforces that with `&mut self`); the
 * common misuse, two tasks awaiting the same receiver, would otherwise let the second steal the slot and
 * leave the first asleep forever, so claim refuses a second operation while one waits.
 */

/** The slot for the waker of a single waiting consumer. See the implementation notes. */
final class AtomicWaker {

    private static final VarHandle WAKER;

    static {
        try {
            WAKER = MethodHandles.lookup().findVarHandle(AtomicWaker.class, "waker", Waker.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @SuppressWarnings("unused") // accessed through WAKER
    private volatile Waker waker;
    private Object owner;

    /** Records that {@code operation} waits in this slot; throws if another operation waits in it. */
    void claim(Object operation) {
        if (owner != null && owner != operation) {
            throw new IllegalStateException("another operation is already waiting on this channel end; "
                    + "a receiver serves one task at a time");
        }
        owner = operation;
    }

    /** Records that {@code operation} no longer waits in this slot. */
    void release(Object operation) {
        if (owner == operation) {
            owner = null;
        }
    }

    /** Registers {@code waker} to be woken by the next {@link #wake()}; the caller then re-checks its state. */
    void register(Waker waker) {
        this.waker = waker;
    }

    /** Withdraws the registration, if any. */
    void clear() {
        if (waker != null) {
            waker = null;
        }
    }

    /** Wakes and clears the registered waker, if there is one. */
    void wake() {
        Waker registered = waker;
        if (registered != null && WAKER.compareAndSet(this, registered, null)) {
            registered.wake();
        }
    }
}
