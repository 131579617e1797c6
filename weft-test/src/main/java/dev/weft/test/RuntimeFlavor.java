package dev.weft.test;

import dev.weft.Async;
import dev.weft.runtime.AsyncRuntime;
import dev.weft.runtime.AsyncRuntimeBuilder;

import java.util.concurrent.Callable;

/**
 * The runtime configurations every runtime test should pass on: the current-thread flavour, and the
 * multi-thread flavour with one and with four workers. Used with {@link EveryFlavor}.
 */
public enum RuntimeFlavor {
    /** {@code AsyncRuntime.builder().currentThread()}. */
    CURRENT_THREAD,
    /** {@code AsyncRuntime.builder().multiThread().workerThreads(1)}. */
    MULTI_THREAD_1,
    /** {@code AsyncRuntime.builder().multiThread().workerThreads(4)}. */
    MULTI_THREAD_4;

    /** A builder configured for this flavour, for tests that add settings of their own. */
    public AsyncRuntimeBuilder builder() {
        AsyncRuntimeBuilder builder = AsyncRuntime.builder();
        return switch (this) {
            case CURRENT_THREAD -> builder.currentThread();
            case MULTI_THREAD_1 -> builder.multiThread().workerThreads(1);
            case MULTI_THREAD_4 -> builder.multiThread().workerThreads(4);
        };
    }

    /** Builds a runtime of this flavour. */
    public AsyncRuntime build() {
        return builder().build();
    }

    /** Builds a runtime of this flavour, blocks on {@code body} as its first task, and closes it. */
    public <T> T run(Callable<T> body) {
        try (AsyncRuntime runtime = build()) {
            return runtime.blockOn(Async.of(body));
        }
    }

    /** Like {@link #run(Callable)} for a body without a value. */
    public void run(ThrowingRunnable body) {
        run(() -> {
            body.run();
            return null;
        });
    }

    /** A test body that may throw. */
    @FunctionalInterface
    public interface ThrowingRunnable {
        /** Runs the body. */
        void run() throws Exception;
    }
}
