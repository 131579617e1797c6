package dev.weft.examples;

import dev.weft.Async;
import dev.weft.Weft;
import dev.weft.runtime.AsyncRuntime;
import dev.weft.task.CancelledException;
import dev.weft.task.JoinHandle;

import java.util.concurrent.CountDownLatch;

/**
 * Aborting a task unwinds it: its next await point throws {@link CancelledException}, so its
 * {@code finally} blocks and try-with-resources release what it held. Usage: {@code bin/example AbortWithCleanup}.
 */
public final class AbortWithCleanup {

    private AbortWithCleanup() {
    }

    /** A resource that says when it is released. */
    record Connection(String name) implements AutoCloseable {
        @Override
        public void close() {
            System.out.println("closed " + name);
        }
    }

    static Async<String> abortAWorker() {
        return Async.of(() -> {
            CountDownLatch started = new CountDownLatch(1);
            JoinHandle<Void> worker = Weft.spawn(Async.run(() -> {
                try (Connection connection = new Connection("db-1")) {
                    System.out.println("worker holds " + connection.name());
                    started.countDown();
                    while (true) {
                        Weft.yieldNow().await();   // an await point: where cancellation lands
                    }
                } finally {
                    System.out.println("worker unwound");
                }
            }));
            started.await();
            worker.abort();
            try {
                worker.await();
                return "worker finished normally";
            } catch (CancelledException expected) {
                return "worker cancelled";
            }
        });
    }

    public static void main(String[] args) {
        System.out.println(AsyncRuntime.run(() -> abortAWorker().await()));
    }
}
