package dev.weft.runtime.internal.task;

/**
 * A part of a task that can be cancelled on its own: the operation inside a {@code Time.timeout}. Scopes
 * nest; the task's await points throw {@link dev.weft.task.CancelledException} while any enclosing scope
 * is cancelled, which unwinds the operation up to the code that opened the scope. Opened and closed by the
 * task's own thread; cancelled from any thread.
 */
public final class CancelScope {

    final CancelScope parent;
    private volatile boolean cancelled;

    CancelScope(CancelScope parent) {
        this.parent = parent;
    }

    /** Cancels the scope: the task's next await point inside it throws. */
    public void cancel() {
        cancelled = true;
    }

    /** True once {@link #cancel()} was called. */
    public boolean isCancelled() {
        return cancelled;
    }

    /** True when this scope or an enclosing one is cancelled. */
    boolean isCancelledWithParents() {
        for (CancelScope scope = this; scope != null; scope = scope.parent) {
            if (scope.cancelled) {
                return true;
            }
        }
        return false;
    }
}
