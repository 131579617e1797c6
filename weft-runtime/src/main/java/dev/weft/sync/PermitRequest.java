package dev.weft.sync;

import dev.weft.runtime.internal.poll.Pollable;
import dev.weft.runtime.internal.poll.WaitNode;
import dev.weft.runtime.internal.poll.Waker;

import java.util.function.Supplier;

/*
 * Implementation notes.
 *
 * One in-flight acquisition of permits from a BatchSemaphore, and its node in the semaphore's wait list.
 * `remaining` is guarded by the semaphore's lock. `registered` and `outcome` are written by the owner's
 * poll (under the lock when it goes through the slow path) and read by the owner: `registered` is true
 * from the poll that queued the request until the request completes or is abandoned, that is, while the
 * request may be in the list or hold assigned permits. `granted` turns granted permits into the value
 * the caller sees (a permit, a guard); `refused` says what a closed semaphore means to the caller.
 */

/** An acquisition of permits in flight. See the implementation notes. */
final class PermitRequest<R> extends WaitNode implements Pollable<R> {

    static final byte PENDING = 0;
    static final byte GRANTED = 1;
    static final byte FAILED = 2;

    final BatchSemaphore semaphore;
    final int requested;
    private final Supplier<? extends R> granted;
    private final Supplier<? extends R> refused;
    int remaining;
    boolean registered;
    byte outcome;

    PermitRequest(BatchSemaphore semaphore, int requested, Supplier<? extends R> granted,
                  Supplier<? extends R> refused) {
        this.semaphore = semaphore;
        this.requested = requested;
        this.granted = granted;
        this.refused = refused;
    }

    /** The usual answer to a closed semaphore: {@link SemaphoreClosedException}. */
    static <R> R refuseClosed() {
        throw new SemaphoreClosedException("the semaphore was closed");
    }

    @Override
    public boolean poll(Waker waker) {
        return outcome != PENDING || semaphore.poll(this, waker);
    }

    @Override
    public R result() {
        return switch (outcome) {
            case GRANTED -> granted.get();
            case FAILED -> refused.get();
            default -> throw new IllegalStateException("the acquisition has not completed");
        };
    }

    @Override
    public void abandon() {
        semaphore.abandon(this);
    }
}
