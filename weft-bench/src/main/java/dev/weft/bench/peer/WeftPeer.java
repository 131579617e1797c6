package dev.weft.bench.peer;

import dev.weft.Async;
import dev.weft.Weft;
import dev.weft.runtime.AsyncRuntime;
import dev.weft.task.JoinHandle;
import dev.weft.time.Time;

import java.time.Duration;

/**
 * A Weft runtime as a benchmark peer: {@code runtime.blockOn} for the root task, {@link Weft#spawn} inside
 * tasks, {@code runtime.spawn} from outside, {@code Weft.yieldNow().await()} to yield,
 * {@code Time.sleep(duration).await()} to sleep, {@code Time.timeout(duration, operation).await()} for a
 * timeout, and {@code Time.sleep(duration)}, a lazy operation that arms nothing until awaited, for a sleep
 * created and dropped.
 */
final class WeftPeer implements Peer {

    /** The already completed operation that a timeout is put around: Tokio's {@code quick_job}. */
    private static final Async<Integer> COMPLETED = Async.completed(1);

    private final PeerKind kind;
    private final AsyncRuntime runtime;

    /** Takes ownership of {@code runtime}; refuses one that runs on the JDK's scheduler instead of Weft's. */
    WeftPeer(PeerKind kind, AsyncRuntime runtime) {
        if (!runtime.ownsScheduling()) {
            runtime.close();
            throw new IllegalStateException("Weft is not scheduling its own tasks, so this would compare the JDK"
                    + " with itself; start the JVM with --add-opens java.base/java.lang=ALL-UNNAMED (bin/bench does)");
        }
        this.kind = kind;
        this.runtime = runtime;
    }

    @Override
    public PeerKind kind() {
        return kind;
    }

    @Override
    public void blockOn(Runnable root) {
        runtime.blockOn(Async.run(root));
    }

    @Override
    public void spawn(Runnable body) {
        Weft.spawn(Async.run(body));
    }

    @Override
    public Join spawnJoinable(Runnable body) {
        JoinHandle<Void> handle = Weft.spawn(Async.run(body));
        return handle::await;
    }

    @Override
    public void spawnFromOutsideAndJoin(int count, Runnable body) {
        Async<Void> operation = Async.run(body);
        JoinHandle<?>[] handles = new JoinHandle<?>[count];
        for (int i = 0; i < count; i++) {
            handles[i] = runtime.spawn(operation);
        }
        runtime.blockOn(Async.run(() -> {
            for (JoinHandle<?> handle : handles) {
                handle.await();
            }
        }));
    }

    @Override
    public void yieldNow() {
        Weft.yieldNow().await();
    }

    @Override
    public void sleep(Duration duration) {
        Time.sleep(duration).await();
    }

    @Override
    public void awaitCompletedWithTimeout(Duration timeout) {
        Time.timeout(timeout, COMPLETED).await();
    }

    @Override
    public Object createSleep(Duration duration) {
        return Time.sleep(duration);
    }

    /** Shuts the runtime down, cancelling the tasks still alive (sleepers, for instance). */
    @Override
    public void close() {
        runtime.close();
    }
}
