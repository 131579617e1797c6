package dev.weft.runtime.tests;

import dev.weft.Async;
import dev.weft.task.JoinSet;

import java.util.List;
import java.util.function.IntFunction;

/** Spawning a batch of tasks from one task and joining them all. */
final class Fanout {

    private Fanout() {
    }

    /**
     * An operation that spawns {@code count} tasks, the i-th running {@code task.apply(i)}, and returns
     * their values in the order they finished.
     */
    static <T> Async<List<T>> spawnAndJoin(int count, IntFunction<Async<T>> task) {
        return Async.of(() -> {
            try (JoinSet<T> set = new JoinSet<>()) {
                for (int i = 0; i < count; i++) {
                    set.spawn(task.apply(i));
                }
                return set.joinAll().await();
            }
        });
    }
}
