package dev.weft.bench.time;

import dev.weft.bench.peer.Peer;

import java.time.Duration;

/**
 * Tokio's {@code single_thread_sleep} ({@code benches/time_timeout.rs}): a one-second sleep created and
 * dropped before anyone waits on it, {@value #ITERATIONS} times in a row inside one task
 * ({@link Peer#createSleep}). Tokio's {@code Sleep} registers its timer on first poll, so dropping it
 * unpolled costs no timer; Weft's {@code Time.sleep} is likewise lazy and arms nothing until awaited. The
 * JDK has no such lazy timer: its sleep created and dropped is a timer armed and cancelled.
 *
 * <p>Each sleep is stored in a small ring before it is dropped, so the JIT cannot leave out its creation.
 */
final class SleepCreateDrop {

    /** The name reports and {@code --only} use. */
    static final String NAME = "sleep_create_drop";
    static final int ITERATIONS = 100_000;

    private static final Duration SLEEP = Duration.ofSeconds(1);
    private static final int RING_MASK = 1_023;

    private SleepCreateDrop() {
    }

    /** One run on {@code peer}; returns nanoseconds per sleep created and dropped. */
    static double nanosPerIteration(Peer peer) {
        Object[] ring = new Object[RING_MASK + 1];
        return TaskLoop.nanosPerIteration(peer, ITERATIONS, i -> ring[i & RING_MASK] = peer.createSleep(SLEEP));
    }
}
