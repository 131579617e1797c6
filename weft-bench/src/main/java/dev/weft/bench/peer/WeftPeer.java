package dev.weft.bench.peer;

import dev.weft.Async;
import dev.weft.Weft;
import dev.weft.runtime.AsyncRuntime;
import dev.weft.task.JoinHandle;

/**
 * A Weft runtime as a benchmark peer: {@code runtime.blockOn} for the root task, {@link Weft#spawn} inside
 * tasks, {@code runtime.spawn} from outside, {@code Weft.yieldNow().await()} to yield.
 */
final class WeftPeer implements Peer {

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
    public void close() {
        runtime.close();
    }
}
