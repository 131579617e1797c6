package dev.weft.sync;

import dev.weft.Async;
import dev.weft.runtime.internal.select.PollGroup;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Waits for the first of several operations and runs the handler of that one: Tokio's {@code select!}.
 * A select is built branch by branch and ends in an {@link Async}; awaiting it starts every enabled
 * branch's operation, waits for the first to complete, cancels the others, and then runs the winner's
 * handler with its value. Exactly one handler runs.
 *
 * {@snippet :
 * String outcome = Select.<String>builder()
 *         .on(Time.sleep(Duration.ofSeconds(1)), ignored -> "too slow")
 *         .on(Weft.spawn(Async.of(() -> 6 * 7)), answer -> "answer " + answer)
 *         .fair()
 *         .await();   // "answer 42"
 * }
 *
 * <p>How branches are waited for: an operation Weft can poll (its own waiting operations: channel
 * receives and sends, lock and semaphore acquisitions, {@code Notify}, sleeps and interval ticks, I/O
 * reads, and {@link Async#map} of any of these) is waited for in the selecting task itself, without
 * a thread or task of its own. A {@link dev.weft.task.JoinHandle} is waited for through its task's
 * completion. Any other operation runs as a child task on the current runtime, like
 * {@code Weft.spawn}: it runs concurrently on its own virtual thread (without the selecting task's
 * {@code ThreadLocal}s), and it can complete only once that task has run.
 *
 * <p>Order: {@link Builder#biased()} polls the branches in declaration order, so when several are
 * ready the first declared wins; {@link Builder#fair()} starts each round of polls at a random branch
 * drawn from the runtime's seeded source ({@code AsyncRuntime.builder().seed(...)}), so that no branch
 * starves in a loop.
 *
 * <p>Disabled branches: a branch added with a false precondition ({@link Builder#onIf}) is never
 * started, and a branch added with {@link Builder#onPresent} is disabled when its operation completes
 * with an empty {@link Optional} (a stream that ended), the select then going on with the others.
 * When every branch is disabled, the {@link Builder#orElse else} branch runs; without one, the select
 * throws {@link IllegalStateException}.
 *
 * <p>Failures: a branch whose operation throws wins like one that returns; the select throws that
 * failure (after cancelling the others) and runs no handler.
 *
 * <h2>Cancellation</h2>
 * Losing branches are cancelled, and have unwound, before the handler runs and before the select
 * returns: an operation waited for in place is abandoned, which loses nothing for Weft's cancel-safe
 * operations (a receive lost in a select loses no message: the message stays in the channel); a child
 * task is aborted and awaited, so its {@code finally} blocks have run. A value a child task had
 * produced when it lost is discarded. If the selecting task itself is cancelled while it waits, every
 * branch is cancelled the same way before {@link dev.weft.task.CancelledException} is thrown. A select
 * is therefore as cancel-safe as its branches: a loop of selects over cancel-safe receives loses
 * nothing.
 *
 * <p>An {@code Async} made by a builder is, like every {@code Async}, a re-runnable description: each
 * await starts the branches' operations anew, and the builder may be reused to make another.
 */
public final class Select {

    private Select() {
    }

    /**
     * Starts building a select whose handlers produce an {@code R}.
     *
     * @param <R> the type of the select's value
     */
    public static <R> Builder<R> builder() {
        return new Builder<>();
    }

    /**
     * The branches of a select. Not thread-safe; the {@code Async} it builds may be awaited from any task.
     *
     * {@snippet :
     * AsyncStream<String> lines = AsyncStream.of("a", "b");
     * boolean waitForMore = false;
     * String next = Select.<String>builder()
     *         .onPresent(lines.next(), line -> "line " + line)                          // disabled at the end
     *         .onIf(waitForMore, Time.sleep(Duration.ofSeconds(30)), ignored -> "idle")   // disabled
     *         .orElse(() -> "nothing left")
     *         .biased()
     *         .await();   // "line a"
     * }
     *
     * @param <R> the type of the select's value
     */
    public static final class Builder<R> {

        private final List<Branch<R>> branches = new ArrayList<>();
        private Supplier<? extends R> otherwise;

        private Builder() {
        }

        /**
         * Adds a branch: when {@code operation} completes first, {@code handler} is called with its value.
         *
         * @throws NullPointerException if an argument is null
         */
        public <T> Builder<R> on(Async<T> operation, Function<? super T, ? extends R> handler) {
            return onIf(true, operation, handler);
        }

        /**
         * Adds a branch with a precondition, like Tokio's {@code , if condition}: when
         * {@code precondition} is false the branch is disabled and its operation never starts.
         *
         * @throws NullPointerException if an operation or handler is null
         */
        @SuppressWarnings("unchecked")
        public <T> Builder<R> onIf(boolean precondition, Async<T> operation, Function<? super T, ? extends R> handler) {
            Objects.requireNonNull(operation, "operation");
            Objects.requireNonNull(handler, "handler");
            branches.add(new Branch<>(precondition, operation, false, value -> handler.apply((T) value)));
            return this;
        }

        /**
         * Adds a branch over an operation that may produce nothing (a stream's {@code next()}), like
         * Tokio's {@code Some(v) = stream.next()}: when it completes with a value, {@code handler} is
         * called with the value; when it completes empty, the branch is disabled and the select waits
         * for the others.
         *
         * @throws NullPointerException if an argument is null
         */
        public <T> Builder<R> onPresent(Async<Optional<T>> operation, Function<? super T, ? extends R> handler) {
            return onPresentIf(true, operation, handler);
        }

        /**
         * {@link #onPresent} with a precondition: when {@code precondition} is false the branch is
         * disabled and its operation never starts.
         *
         * @throws NullPointerException if an operation or handler is null
         */
        @SuppressWarnings("unchecked")
        public <T> Builder<R> onPresentIf(boolean precondition, Async<Optional<T>> operation,
                                          Function<? super T, ? extends R> handler) {
            Objects.requireNonNull(operation, "operation");
            Objects.requireNonNull(handler, "handler");
            branches.add(new Branch<>(precondition, operation, true,
                    value -> handler.apply(((Optional<T>) value).orElseThrow())));
            return this;
        }

        /**
         * Sets the else branch, Tokio's {@code else =>}: it runs when every branch is disabled (by its
         * precondition, or by completing empty), and only then.
         *
         * @throws NullPointerException if {@code fallback} is null
         */
        public Builder<R> orElse(Supplier<? extends R> fallback) {
            this.otherwise = Objects.requireNonNull(fallback, "fallback");
            return this;
        }

        /**
         * The select as an operation that polls its branches in declaration order (Tokio's
         * {@code biased;}): of the branches ready together, the first declared wins.
         */
        public Async<R> biased() {
            return new Selection<>(List.copyOf(branches), otherwise, true);
        }

        /**
         * The select as an operation that polls its branches from a random start each round, drawn from
         * the runtime's seeded source: of the branches ready together, each is as likely to win.
         */
        public Async<R> fair() {
            return new Selection<>(List.copyOf(branches), otherwise, false);
        }
    }

    /** One branch: its operation, whether it is enabled, and what to do with its value. */
    private record Branch<R>(boolean enabled, Async<?> operation, boolean needsPresent,
                             Function<Object, ? extends R> handler) {

        /** False when the value disables the branch instead of winning (an empty Optional). */
        boolean accepts(Object value) {
            return !needsPresent || ((Optional<?>) value).isPresent();
        }
    }

    /** A built select. */
    private static final class Selection<R> extends Async<R> {

        private final List<Branch<R>> enabled;
        private final List<Async<?>> operations;
        private final Supplier<? extends R> otherwise;
        private final boolean biased;

        Selection(List<Branch<R>> branches, Supplier<? extends R> otherwise, boolean biased) {
            this.enabled = branches.stream().filter(Branch::enabled).toList();
            this.operations = enabled.stream().<Async<?>>map(Branch::operation).toList();
            this.otherwise = otherwise;
            this.biased = biased;
        }

        @Override
        protected R evaluate() {
            if (enabled.isEmpty()) {
                return otherwise();
            }
            Branch<R> winner = null;
            Object value = null;
            try (PollGroup group = new PollGroup(operations)) {
                boolean[] disabled = new boolean[enabled.size()];
                int live = enabled.size();
                while (winner == null && live > 0) {
                    int start = biased ? 0 : group.randomStart();
                    for (int k = 0; k < disabled.length && winner == null; k++) {
                        int i = (start + k) % disabled.length;
                        if (disabled[i] || !group.poll(i)) {
                            continue;
                        }
                        Object completed = group.result(i);
                        if (enabled.get(i).accepts(completed)) {
                            winner = enabled.get(i);
                            value = completed;
                        } else {
                            disabled[i] = true;
                            live--;
                        }
                    }
                    if (winner == null && live > 0) {
                        group.park();
                    }
                }
            }
            return winner != null ? winner.handler().apply(value) : otherwise();
        }

        private R otherwise() {
            if (otherwise == null) {
                throw new IllegalStateException("every branch of the select is disabled and it has no else branch"
                        + " (Select.Builder.orElse)");
            }
            return otherwise.get();
        }
    }
}
