package dev.weft.runtime.internal.poll;

import java.util.function.Consumer;

/*
 * Implementation notes.
 *
 * An intrusive doubly linked FIFO of WaitNodes, the wait queue of every Weft primitive (Tokio keeps one
 * linked list per primitive, `util::linked_list`). Intrusive, so that an abandoned waiter unlinks itself
 * in O(1) without a search and without allocating a second node. Not thread-safe: the owning primitive
 * guards it with its own lock, and a node is in at most one list at a time.
 */

/**
 * A FIFO of waiters, guarded by its owner's lock. See the implementation notes.
 *
 * @param <N> the node type
 */
public final class WaitList<N extends WaitNode> {

    private WaitNode head;
    private WaitNode tail;
    private int size;

    /** Appends {@code node}, which must not be queued. */
    public void addLast(N node) {
        if (node.queued) {
            throw new IllegalStateException("node is already queued");
        }
        node.queued = true;
        node.prev = tail;
        node.next = null;
        if (tail == null) {
            head = node;
        } else {
            tail.next = node;
        }
        tail = node;
        size++;
    }

    /** Unlinks {@code node}; returns false if it was not queued. */
    public boolean remove(N node) {
        if (!node.queued) {
            return false;
        }
        WaitNode before = node.prev;
        WaitNode after = node.next;
        if (before == null) {
            head = after;
        } else {
            before.next = after;
        }
        if (after == null) {
            tail = before;
        } else {
            after.prev = before;
        }
        node.prev = null;
        node.next = null;
        node.queued = false;
        size--;
        return true;
    }

    /** The oldest waiter, or null. */
    @SuppressWarnings("unchecked")
    public N peekFirst() {
        return (N) head;
    }

    /** Removes and returns the oldest waiter, or null. */
    public N pollFirst() {
        N first = peekFirst();
        if (first != null) {
            remove(first);
        }
        return first;
    }

    /** Removes every waiter, oldest first, handing each to {@code action}. */
    public void drain(Consumer<? super N> action) {
        for (N node = pollFirst(); node != null; node = pollFirst()) {
            action.accept(node);
        }
    }

    public boolean isEmpty() {
        return head == null;
    }

    public int size() {
        return size;
    }
}
