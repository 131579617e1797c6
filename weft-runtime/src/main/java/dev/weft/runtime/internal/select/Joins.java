package dev.weft.runtime.internal.select;

import dev.weft.Async;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/*
 * Implementation notes.
 *
 * Async.join, tryJoin and race on a PollGroup: every round polls each pending operation in declaration
 * order, then parks. join keeps polling until every operation has completed and then throws the first
 * failure (in completion order, later ones suppressed), as TaskScope.join does; tryJoin stops at the
 * first failure; race stops at the first completion of any kind. Leaving the try-with-resources block
 * closes the group, so whatever is still pending has been abandoned, and its child tasks have unwound,
 * before the value is returned or the failure thrown.
 */

/** The engine of {@code Async.join}, {@code tryJoin} and {@code race}. See the implementation notes. */
public final class Joins {

    private Joins() {
    }

    /**
     * Awaits every operation concurrently and returns their values in declaration order. When
     * {@code failFast}, the first failure abandons the others; otherwise it is thrown once all have
     * completed.
     */
    public static List<Object> all(List<? extends Async<?>> operations, boolean failFast) {
        Object[] values = new Object[operations.size()];
        boolean[] done = new boolean[operations.size()];
        int pending = operations.size();
        Throwable firstFailure = null;
        try (PollGroup group = new PollGroup(operations)) {
            while (pending > 0) {
                for (int i = 0; i < values.length; i++) {
                    if (done[i] || !group.poll(i)) {
                        continue;
                    }
                    done[i] = true;
                    pending--;
                    try {
                        values[i] = group.result(i);
                    } catch (RuntimeException | Error failure) {
                        if (failFast) {
                            throw failure;
                        }
                        if (firstFailure == null) {
                            firstFailure = failure;
                        } else {
                            firstFailure.addSuppressed(failure);
                        }
                    }
                }
                if (pending > 0) {
                    group.park();
                }
            }
        }
        if (firstFailure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (firstFailure != null) {
            throw (Error) firstFailure;
        }
        return Collections.unmodifiableList(Arrays.asList(values));
    }

    /** Awaits the operations concurrently; the first to complete gives the value or the failure. */
    public static Object first(List<? extends Async<?>> operations) {
        try (PollGroup group = new PollGroup(operations)) {
            while (true) {
                for (int i = 0; i < group.size(); i++) {
                    if (group.poll(i)) {
                        return group.result(i);
                    }
                }
                group.park();
            }
        }
    }

    /** Copies {@code operations}, rejecting null elements. */
    public static List<Async<?>> checked(List<? extends Async<?>> operations) {
        List<Async<?>> copy = new ArrayList<>(operations.size());
        for (int i = 0; i < operations.size(); i++) {
            Async<?> operation = operations.get(i);
            if (operation == null) {
                throw new NullPointerException("operation " + i + " is null");
            }
            copy.add(operation);
        }
        return copy;
    }
}
