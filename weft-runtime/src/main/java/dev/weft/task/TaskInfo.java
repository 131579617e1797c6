package dev.weft.task;

import java.util.Optional;

/**
 * A snapshot of one task, from the runtime's registry of live tasks
 * ({@link dev.weft.runtime.AsyncRuntime#tasks()}).
 *
 * @param id              the task's id, unique within its runtime
 * @param name            the name given at spawn, if any
 * @param state           the task's state when the snapshot was taken
 * @param cancelRequested whether the task has been asked to cancel
 * @param blocking        whether it runs on the blocking pool ({@link dev.weft.Weft#spawnBlocking})
 * @param spawnSite       where it was spawned, when the runtime captures spawn sites
 */
public record TaskInfo(long id, Optional<String> name, TaskState state, boolean cancelRequested, boolean blocking,
                       Optional<StackTraceElement> spawnSite) {

    @Override
    public String toString() {
        return "task " + id + name.map(n -> " '" + n + "'").orElse("") + " " + state
                + (cancelRequested ? " (cancel requested)" : "")
                + (blocking ? " [blocking]" : "")
                + spawnSite.map(site -> " spawned at " + site).orElse("");
    }
}
