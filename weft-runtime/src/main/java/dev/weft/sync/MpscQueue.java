package dev.weft.sync;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/*
 * Implementation notes.
 *
 * The item queue of an Mpsc channel: Dmitry Vyukov's multi-producer single-consumer linked queue (the
 * algorithm of JCTools' MpscLinkedQueue and of Tokio's first mpsc). The queue always holds a stub node
 * at `head` whose item was consumed (or never set); the items are in the nodes after it.
 *
 *   producer:  node = new Node(item); previous = getAndSet(tail, node); previous.next = node (release)
 *   consumer:  next = head.next (acquire); take next.item; head = next
 *
 * A producer needs one atomic instruction. Between its getAndSet and its link store the new node is
 * not reachable from `head` yet: the consumer then sees `head.next == null` while `tail != head`, and
 * spins until the link appears (the gap is two instructions, so it spins only if the producer's
 * thread is descheduled inside it; after a few spins it yields).
 *
 * Why poll() reads `tail` with a volatile read when `head.next` is null: the consumer's callers rely on
 * a Dekker pair with the producers (see AtomicWaker): the consumer stores its waker and then polls; a
 * producer does its getAndSet (sequentially consistent) and then reads the waker. If the consumer's
 * volatile read of `tail` does not see the producer's getAndSet, the getAndSet comes later in the
 * synchronization order than the waker store, so the producer sees the waker and wakes the consumer.
 *
 * Ownership: `tail` is shared by producers; `head` and the nodes' items are the consumer's. The two sit
 * on different cache lines (class-hierarchy padding) because producers and consumer run on different
 * cores. A consumed node is linked to itself, so that a dead node in an old GC generation does not keep
 * younger ones reachable.
 */

/** The producer side of an {@link MpscQueue}, behind its leading padding. */
abstract class MpscQueueTail<T> extends ChannelPadding {
    volatile MpscQueue.Node<T> tail;
}

/** Padding between the producer side and the consumer side of an {@link MpscQueue}. */
@SuppressWarnings("unused")
abstract class MpscQueueMiddlePadding<T> extends MpscQueueTail<T> {
    long m01, m02, m03, m04, m05, m06, m07, m08, m09, m10, m11, m12, m13, m14, m15, m16;
}

/** The consumer side of an {@link MpscQueue}. */
abstract class MpscQueueHead<T> extends MpscQueueMiddlePadding<T> {
    MpscQueue.Node<T> head;
}

/** A multi-producer single-consumer unbounded queue. See the implementation notes. */
final class MpscQueue<T> extends MpscQueueHead<T> {

    private static final int SPINS_BEFORE_YIELD = 64;
    private static final VarHandle TAIL;
    private static final VarHandle NEXT;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            TAIL = lookup.findVarHandle(MpscQueueTail.class, "tail", Node.class);
            NEXT = lookup.findVarHandle(Node.class, "next", Node.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @SuppressWarnings("unused") // trailing padding
    private long t01, t02, t03, t04, t05, t06, t07, t08, t09, t10, t11, t12, t13, t14, t15, t16;

    MpscQueue() {
        Node<T> stub = new Node<>(null);
        head = stub;
        tail = stub;
    }

    /** Appends {@code item} (not null); any thread. */
    void push(T item) {
        Node<T> node = new Node<>(item);
        @SuppressWarnings("unchecked")
        Node<T> previous = (Node<T>) TAIL.getAndSet(this, node);
        NEXT.setRelease(previous, node);
    }

    /** Removes and returns the oldest item, or null when the queue is empty; the consumer only. */
    T poll() {
        Node<T> first = head;
        @SuppressWarnings("unchecked")
        Node<T> next = (Node<T>) NEXT.getAcquire(first);
        if (next == null) {
            if (first == TAIL.getVolatile(this)) {
                return null;
            }
            next = awaitLink(first);
        }
        T item = next.item;
        next.item = null;
        head = next;
        NEXT.set(first, first);
        return item;
    }

    @SuppressWarnings("unchecked")
    private static <T> Node<T> awaitLink(Node<T> node) {
        Node<T> next;
        int spins = 0;
        while ((next = (Node<T>) NEXT.getAcquire(node)) == null) {
            if (++spins < SPINS_BEFORE_YIELD) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
        return next;
    }

    /** A queue node: an item and the link to the next node. */
    static final class Node<T> {
        T item;
        @SuppressWarnings("unused") // accessed through NEXT
        volatile Node<T> next;

        Node(T item) {
            this.item = item;
        }
    }
}
