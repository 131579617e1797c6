package dev.weft.runtime.internal.task;

import dev.weft.Async;

/**
 * Lets the runtime run an {@link Async}'s body without the wrapping that {@link Async#await()} applies
 * to checked exceptions, so a task's own checked failure reaches its awaiters as
 * {@link dev.weft.task.TaskFailedException}. {@code Async} installs the evaluator when it is initialised
 * (the JDK's "shared secrets" pattern: the method stays protected in the public API).
 */
public final class AsyncEvaluation {

    /** Runs the body of an operation on the calling task. */
    @FunctionalInterface
    public interface Evaluator {
        /** Runs {@code operation}'s body and returns its value. */
        <T> T evaluate(Async<T> operation) throws Exception;
    }

    private static Evaluator evaluator;

    private AsyncEvaluation() {
    }

    /** Called once by {@code Async}'s static initialiser. */
    public static void install(Evaluator installed) {
        if (evaluator != null) {
            throw new IllegalStateException("the Async evaluator is already installed");
        }
        evaluator = installed;
    }

    /** Passes the await point of the calling task, then runs the body, letting checked exceptions through. */
    static <T> T awaitUnwrapped(VirtualTask<?> task, Async<T> operation) throws Exception {
        TaskContext.checkpoint(task);
        return evaluator.evaluate(operation);
    }
}
