package dev.weft.sync;

import dev.weft.Async;
import dev.weft.runtime.internal.poll.Pollable;
import dev.weft.runtime.internal.poll.Pollables;
import dev.weft.runtime.internal.poll.WaitList;
import dev.weft.runtime.internal.poll.WaitNode;
import dev.weft.runtime.internal.poll.WakeBatch;
import dev.weft.runtime.internal.poll.Waker;
import dev.weft.runtime.internal.task.CancelScopes;

import java.lang.ref.WeakReference;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/*
 * Implementation notes.
 *
 * tokio-util's CancellationToken (tokio-util/src/sync/cancellation_token.rs and tree_node.rs) as a tree
 * in which each child holds its parent strongly and each parent holds its children weakly. Rust removes
 * a child from its parent when the child's last handle is dropped; Java has no drop, so a child that
 * nobody references any more is simply collected and its weak reference cleared. A child that someone
 * still awaits stays reachable (the waiting task's stack holds it), and so does every ancestor of a
 * reachable token, so a cancellation always reaches the tokens anyone can observe. Cleared and
 * cancelled children are swept from the list when it has doubled since the last sweep (amortised O(1)
 * per child()).
 *
 * `cancelled` is volatile and set once, under `lock`; the waiters and children are taken in the same
 * critical section, so a waiter or child registering concurrently either sees `cancelled` or is taken.
 * cancel() walks the subtree with an explicit stack (no recursion on deep chains) and wakes each token's
 * waiters after releasing that token's lock.
 */

/**
 * A signal that tells tasks to stop, shared by everything that should stop together: tokio-util's
 * {@code CancellationToken}. {@link #cancel()} is sticky and wakes every task awaiting
 * {@link #cancelled()}. {@link #child()} makes a token that is cancelled with this one (but cancelling the
 * child does not cancel the parent); a child of a cancelled token starts cancelled. Children that are no
 * longer referenced are garbage-collected: the parent holds them weakly.
 *
 * {@snippet :
 * CancellationToken shutdown = new CancellationToken();
 * AsyncRuntime.run(() -> {
 *     CancellationToken worker = shutdown.child();
 *     JoinHandle<Optional<String>> task = Weft.spawn(
 *             worker.runUntilCancelled(Time.sleep(Duration.ofHours(1)).map(done -> "finished")));
 *     shutdown.cancel();                          // cancels the child, which cancels the sleep
 *     System.out.println(task.await());           // Optional.empty
 * });
 * }
 *
 * <h2>Cancellation</h2>
 * {@link #cancelled()} is cancel-safe (a cancelled waiter just leaves the queue). {@link #runUntilCancelled}
 * is as cancel-safe as the operation it runs.
 *
 * <h2>Memory consistency effects</h2>
 * Actions before {@code cancel()} happen-before the actions after {@code isCancelled()} returns true or
 * {@code cancelled()} completes, on this token and on its descendants.
 */
public final class CancellationToken {

    private static final int FIRST_SWEEP = 16;

    private final CancellationToken parent;
    private final ReentrantLock lock = new ReentrantLock();
    private final WaitList<WaitNode> waiters = new WaitList<>();
    private final Async<Void> cancelledOperation = Pollables.async(Waiter::new);
    private volatile boolean cancelled;
    private List<WeakReference<CancellationToken>> children;
    private int sweepAt = FIRST_SWEEP;

    /** Creates a token that is not cancelled and has no parent. */
    public CancellationToken() {
        this(null);
    }

    private CancellationToken(CancellationToken parent) {
        this.parent = parent;
    }

    /**
     * A new token that is cancelled when this one is (and so, transitively, when any ancestor is).
     * Cancelling the child does not cancel this token. The child of a cancelled token starts cancelled.
     */
    public CancellationToken child() {
        CancellationToken child = new CancellationToken(this);
        lock.lock();
        try {
            if (cancelled) {
                child.cancelled = true;
                return child;
            }
            if (children == null) {
                children = new ArrayList<>();
            } else if (children.size() >= sweepAt) {
                children.removeIf(reference -> {
                    CancellationToken known = reference.get();
                    return known == null || known.cancelled;
                });
                sweepAt = Math.max(FIRST_SWEEP, 2 * children.size());
            }
            children.add(new WeakReference<>(child));
        } finally {
            lock.unlock();
        }
        return child;
    }

    /** The token this one is a child of, or empty for a root token. */
    public Optional<CancellationToken> parent() {
        return Optional.ofNullable(parent);
    }

    /**
     * Cancels this token and all its descendants, waking every task awaiting {@link #cancelled()} on any
     * of them. Calling it again does nothing.
     */
    public void cancel() {
        ArrayDeque<CancellationToken> pending = new ArrayDeque<>();
        pending.push(this);
        while (!pending.isEmpty()) {
            pending.pop().cancelOne(pending);
        }
    }

    /** True once this token, or an ancestor, was cancelled. */
    public boolean isCancelled() {
        return cancelled;
    }

    /**
     * An operation that completes once this token is cancelled (at once if it already is).
     *
     * <h4>Cancellation</h4>
     * Cancel-safe: a cancelled waiter leaves the queue and nothing else changes.
     */
    public Async<Void> cancelled() {
        return cancelledOperation;
    }

    /**
     * An operation that awaits {@code operation} in the calling task, cancelling it if this token is
     * cancelled first. Returns the operation's value, or empty when the token was cancelled; by then the
     * operation has unwound (its {@code finally} blocks have run). If the token is already cancelled, the
     * operation does not start. A null value also gives empty: check {@link #isCancelled()} to tell.
     *
     * <h4>Cancellation</h4>
     * As cancel-safe as {@code operation}. A cancellation of the calling task itself is thrown as
     * {@link dev.weft.task.CancelledException}, not turned into empty.
     */
    public <T> Async<Optional<T>> runUntilCancelled(Async<T> operation) {
        Objects.requireNonNull(operation, "operation");
        return Async.of(() -> Optional.ofNullable(CancelScopes.awaitInScope(
                "CancellationToken.runUntilCancelled", operation, this::whenCancelled, cancelledInScope -> null)));
    }

    /** A guard that cancels this token when closed, unless {@linkplain DropGuard#disarm() disarmed} first. */
    public DropGuard dropGuard() {
        return new DropGuard(this);
    }

    @Override
    public String toString() {
        return cancelled ? "CancellationToken[cancelled]" : "CancellationToken[active]";
    }

    /** Runs {@code action} once this token is cancelled (at once if it is); returns what unregisters it. */
    private Runnable whenCancelled(Runnable action) {
        WaitNode node = new WaitNode();
        node.setWaker(action::run);
        lock.lock();
        try {
            if (!cancelled) {
                waiters.addLast(node);
                return () -> removeWaiter(node);
            }
        } finally {
            lock.unlock();
        }
        action.run();
        return () -> { };
    }

    private void cancelOne(ArrayDeque<CancellationToken> pending) {
        WakeBatch woken = new WakeBatch();
        List<WeakReference<CancellationToken>> taken;
        lock.lock();
        try {
            if (cancelled) {
                return;
            }
            cancelled = true;
            waiters.drain(node -> woken.add(node));
            taken = children;
            children = null;
        } finally {
            lock.unlock();
        }
        woken.wakeAll();
        if (taken != null) {
            for (WeakReference<CancellationToken> reference : taken) {
                CancellationToken child = reference.get();
                if (child != null) {
                    pending.push(child);
                }
            }
        }
    }

    private void removeWaiter(WaitNode node) {
        lock.lock();
        try {
            waiters.remove(node);
        } finally {
            lock.unlock();
        }
    }

    /** One await of {@link #cancelled()}. */
    private final class Waiter extends WaitNode implements Pollable<Void> {

        @Override
        public boolean poll(Waker waker) {
            if (cancelled) {
                return true;
            }
            lock.lock();
            try {
                if (cancelled) {
                    return true;
                }
                setWaker(waker);
                if (!isQueued()) {
                    waiters.addLast(this);
                }
                return false;
            } finally {
                lock.unlock();
            }
        }

        @Override
        public Void result() {
            return null;
        }

        @Override
        public void abandon() {
            removeWaiter(this);
        }
    }

    /**
     * Cancels its token when closed: tokio-util's {@code DropGuard}, for try-with-resources.
     *
     * {@snippet :
     * CancellationToken token = new CancellationToken();
     * try (CancellationToken.DropGuard guard = token.dropGuard()) {
     *     // work that others stop on token.cancelled()
     * }
     * // token.isCancelled() is now true
     * }
     */
    public static final class DropGuard implements AutoCloseable {

        private CancellationToken token;

        private DropGuard(CancellationToken token) {
            this.token = token;
        }

        /**
         * Disarms the guard: closing it no longer cancels. Returns the token.
         *
         * @throws IllegalStateException if the guard was already disarmed
         */
        public CancellationToken disarm() {
            CancellationToken held = token;
            if (held == null) {
                throw new IllegalStateException("the guard was already disarmed");
            }
            token = null;
            return held;
        }

        /** Cancels the token unless the guard was disarmed. */
        @Override
        public void close() {
            if (token != null) {
                token.cancel();
            }
        }
    }
}
