package dev.weft.bench.time;

import dev.weft.bench.peer.Peer;

import java.time.Duration;

/**
 * Tokio's {@code single_thread_timeout} ({@code benches/time_timeout.rs}): a timeout of one second around
 * an operation that has already completed, {@value #ITERATIONS} times in a row inside one task. On Weft
 * it is {@code Time.timeout(1 s, Async.completed(1)).await()}, which arms a timer in the runtime's wheel
 * and cancels it once the operation has returned; on the JDK, a timer armed on a
 * {@code ScheduledThreadPoolExecutor} and cancelled ({@link Peer#awaitCompletedWithTimeout}).
 */
final class TimeoutReady {

    /** The name reports and {@code --only} use. */
    static final String NAME = "timeout_ready";
    static final int ITERATIONS = 100_000;

    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    private TimeoutReady() {
    }

    /** One run on {@code peer}; returns nanoseconds per timeout. */
    static double nanosPerIteration(Peer peer) {
        return TaskLoop.nanosPerIteration(peer, ITERATIONS, i -> peer.awaitCompletedWithTimeout(TIMEOUT));
    }
}
