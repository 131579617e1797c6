package dev.weft.runtime.tests;

import dev.weft.Async;
import dev.weft.Weft;
import dev.weft.runtime.AsyncRuntime;
import dev.weft.task.JoinHandle;

/**
 * Run by {@link FallbackEngineTest} in a child JVM, with or without {@code --add-opens}: builds two
 * multi-thread runtimes (the fallback warning must appear once per JVM, not per runtime), runs tasks on
 * each, then tries to build a current-thread runtime. Prints one line per step on standard output.
 */
public final class FallbackEngineProbe {

    private FallbackEngineProbe() {
    }

    public static void main(String[] args) {
        for (int round = 0; round < 2; round++) {
            try (AsyncRuntime runtime = AsyncRuntime.builder().multiThread().workerThreads(2).build()) {
                int sum = runtime.blockOn(Async.of(() -> {
                    JoinHandle<Integer> left = Weft.spawn(Async.of(() -> 20));
                    JoinHandle<Integer> right = Weft.spawn(Async.of(() -> 22));
                    return left.await() + right.await();
                }));
                System.out.println("multi-thread: ownsScheduling=" + runtime.ownsScheduling() + " sum=" + sum);
            }
        }
        try (AsyncRuntime runtime = AsyncRuntime.builder().currentThread().build()) {
            System.out.println("current-thread: built, ownsScheduling=" + runtime.ownsScheduling());
        } catch (UnsupportedOperationException refused) {
            System.out.println("current-thread: refused: " + refused.getMessage());
        }
    }
}
