package dev.weft.runtime.internal.task;

import dev.weft.task.TaskInfo;

import java.lang.ref.Cleaner;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/*
 * Implementation notes.
 *
 * Makes sure no task failure is lost silently. A task that fails before anyone took responsibility for
 * its outcome is tracked here with a Cleaner on its JoinHandle. The failure goes to the runtime's
 * handler when the first of these happens:
 *  - the handle is garbage collected: nobody can await it any more (a detached task);
 *  - the runtime shuts down with the failure still unobserved.
 * Awaiting the handle (or a JoinSet/TaskScope taking the outcome) removes the task first, and then
 * nothing is reported. Only failures pay for this; successful and cancelled tasks are never tracked.
 */

/** Reports task failures that nobody observed. See the implementation notes. */
final class UnobservedFailures {

    private static final Cleaner CLEANER = Cleaner.create(runnable -> {
        Thread thread = new Thread(runnable, "weft-unobserved-failures");
        thread.setDaemon(true);
        return thread;
    });

    private final Set<TaskCore<?>> pending = ConcurrentHashMap.newKeySet();
    private final BiConsumer<TaskInfo, Throwable> handler;

    UnobservedFailures(BiConsumer<TaskInfo, Throwable> handler) {
        this.handler = handler;
    }

    /**
     * Tracks a failed task. An awaiter may mark the task observed concurrently: it sets the flag, then
     * removes the task; this method adds, then re-reads the flag. Whatever the interleaving, an observed
     * task does not stay pending.
     */
    void track(TaskCore<?> task, Object handle) {
        pending.add(task);
        if (task.isObserved()) {
            pending.remove(task);
            return;
        }
        if (handle != null) {
            CLEANER.register(handle, () -> reportIfPending(task));
        } else {
            reportIfPending(task);
        }
    }

    void observed(TaskCore<?> task) {
        if (!pending.isEmpty()) {
            pending.remove(task);
        }
    }

    /** Reports every failure still unobserved; called at shutdown. */
    void reportAll() {
        List<TaskCore<?>> remaining = new ArrayList<>(pending);
        for (TaskCore<?> task : remaining) {
            reportIfPending(task);
        }
    }

    private void reportIfPending(TaskCore<?> task) {
        if (!pending.remove(task)) {
            return;
        }
        try {
            handler.accept(task.info(), task.failureOrNull());
        } catch (RuntimeException | Error e) {
            System.getLogger("dev.weft.runtime").log(System.Logger.Level.ERROR,
                    "the unhandled-failure handler failed for task " + task.id, e);
        }
    }

    /** The default handler: logs the failure through {@link System.Logger}. */
    static void log(TaskInfo task, Throwable failure) {
        System.getLogger("dev.weft.runtime").log(System.Logger.Level.ERROR,
                "unobserved failure of " + task + " (its JoinHandle was never awaited)", failure);
    }
}
