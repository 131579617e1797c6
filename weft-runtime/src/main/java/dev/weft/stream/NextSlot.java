package dev.weft.stream;

import dev.weft.runtime.internal.poll.Pollable;
import dev.weft.runtime.internal.poll.Waker;
import dev.weft.runtime.internal.select.InFlight;

import java.util.Optional;

/*
 * Implementation notes.
 *
 * The in-flight next() of one source stream inside an operator that waits for it next to something
 * else (merge, StreamMap, chunksTimeout, throttle), kept by the operator between the evaluations of its
 * own next().
 *
 * A source whose next() Weft can poll is polled in place; the pending poll is abandoned at the end of
 * each evaluation of the operator (release), which loses nothing (a pending poll has taken nothing)
 * and leaves no registration behind in a channel if the operator is dropped. Any other source's next()
 * runs as a child task (InFlight.start), which release() keeps: a value it produces waits here for the
 * next evaluation, so nothing is lost when an evaluation of the operator is cancelled. discard() gives
 * the slot up for good and aborts such a child.
 *
 * Confined to the task consuming the operator.
 */

/** The pending next value of one source stream. See the implementation notes. */
final class NextSlot<T> {

    private final AsyncStream<T> source;
    private Pollable<Optional<T>> pending;

    NextSlot(AsyncStream<T> source) {
        this.source = source;
    }

    AsyncStream<T> source() {
        return source;
    }

    /** Polls for the source's next value, starting a next() if none is in flight; true once it is ready. */
    boolean poll(Waker waker) {
        if (pending == null) {
            pending = InFlight.start(source.next());
        }
        return pending.poll(waker);
    }

    /** Takes the value (or the end) that {@link #poll} found ready, or throws the source's failure. */
    Optional<T> take() {
        Pollable<Optional<T>> ready = pending;
        pending = null;
        return ready.result();
    }

    /** Ends one evaluation of the operator: abandons a pending poll in place, keeps a child task. */
    void release() {
        if (pending != null && !InFlight.isOwnedChild(pending)) {
            pending.abandon();
            pending = null;
        }
    }

    /** Gives the slot up: abandons what is pending, aborting a child task (without waiting for it). */
    void discard() {
        if (pending != null) {
            pending.abandon();
            pending = null;
        }
    }
}
