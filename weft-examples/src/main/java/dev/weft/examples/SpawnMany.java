package dev.weft.examples;

import dev.weft.Async;
import dev.weft.Weft;
import dev.weft.runtime.AsyncRuntime;
import dev.weft.task.JoinHandle;

import java.util.ArrayList;
import java.util.List;

/**
 * Spawns many tasks from one task and joins them all: each task is a virtual thread run by Weft's
 * scheduler, cheap enough to create by the hundred thousand. Usage: {@code bin/example SpawnMany [count]}.
 */
public final class SpawnMany {

    private SpawnMany() {
    }

    static Async<Long> sumOfSquares(int count) {
        return Async.of(() -> {
            List<JoinHandle<Long>> handles = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                long n = i;
                handles.add(Weft.spawn(Async.of(() -> n * n)));
            }
            long sum = 0;
            for (JoinHandle<Long> handle : handles) {
                sum += handle.await();
            }
            return sum;
        });
    }

    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        long started = System.nanoTime();
        long sum = AsyncRuntime.run(() -> sumOfSquares(count).await());
        long micros = (System.nanoTime() - started) / 1_000;
        System.out.printf("spawned and joined %,d tasks in %,d us; sum of squares = %,d%n", count, micros, sum);
    }
}
