package dev.weft.runtime.internal.task;

import dev.weft.task.CancelledException;

import java.util.concurrent.locks.LockSupport;

/*
 * Implementation notes.
 *
 * Finds the task and runtime of the calling thread. A task is a virtual thread, so a ThreadLocal is
 * per task; it is set once when the task starts and shares the thread's ThreadLocalMap with TaskLocal
 * values. Blocking-pool threads carry their runtime in BLOCKING_RUNTIME so that spawn works there.
 *
 * Await points go through checkpoint() (on entry) and park() (while waiting): both throw
 * CancelledException once cancellation was requested. checkpoint() also spends the cooperative budget:
 * after `budget` await points in one run, the task yields so that its worker can run others. The
 * budget is the worker's (RuntimeCore.spendBudget), so an await point writes nothing that another
 * worker reads: tasks allocated side by side and run on different workers would otherwise false-share.
 */

/** The calling thread's task and runtime, and the await-point protocol. See the implementation notes. */
public final class TaskContext {

    private static final ThreadLocal<VirtualTask<?>> CURRENT_TASK = new ThreadLocal<>();
    private static final ThreadLocal<RuntimeCore> BLOCKING_RUNTIME = new ThreadLocal<>();

    private TaskContext() {
    }

    static void enter(VirtualTask<?> task) {
        CURRENT_TASK.set(task);
    }

    static void enterBlockingThread(RuntimeCore runtime) {
        BLOCKING_RUNTIME.set(runtime);
    }

    /** The task running on the calling thread, or null when the thread is not a Weft task. */
    public static VirtualTask<?> currentTask() {
        return Thread.currentThread().isVirtual() ? CURRENT_TASK.get() : null;
    }

    /** The calling thread's task; throws a helpful {@link IllegalStateException} when there is none. */
    public static VirtualTask<?> requireTask(String operation) {
        VirtualTask<?> task = currentTask();
        if (task == null) {
            throw new IllegalStateException(operation + " was called on thread '" + Thread.currentThread().getName()
                    + "', which is not a Weft task. Run asynchronous code with AsyncRuntime.run(...) in main, "
                    + "runtime.blockOn(...) from other threads, or spawn it on a runtime.");
        }
        return task;
    }

    /** The runtime of the calling task or blocking-pool thread, or null. */
    public static RuntimeCore currentRuntime() {
        VirtualTask<?> task = currentTask();
        return task != null ? task.runtime : BLOCKING_RUNTIME.get();
    }

    /** An await point on entry: throws if the task is cancelled, yields when its budget is spent. */
    public static void checkpoint(VirtualTask<?> task) {
        throwIfCancelled(task);
        if (task.runtime.spendBudget(task)) {
            Thread.yield();
            throwIfCancelled(task);
        }
    }

    /**
     * Parks the calling task until it is unparked (or spuriously); then throws if it was cancelled.
     * Callers loop on their own condition.
     */
    public static void park(VirtualTask<?> task, Object blocker) {
        throwIfCancelled(task);
        LockSupport.park(blocker);
        throwIfCancelled(task);
    }

    /**
     * Throws {@link CancelledException} if cancellation of {@code task} was requested, or if a cancel
     * scope the task is in (a timeout) was cancelled.
     */
    public static void throwIfCancelled(VirtualTask<?> task) {
        if (task.cancelRequested) {
            throw new CancelledException("task " + task.id + " was cancelled");
        }
        CancelScope scope = task.scope;
        if (scope != null && scope.isCancelledWithParents()) {
            throw new CancelledException("task " + task.id + ": the deadline of the operation passed");
        }
    }
}
