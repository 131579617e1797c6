package dev.weft.sync.tests;

import dev.weft.Async;
import dev.weft.runtime.internal.poll.Pollable;
import dev.weft.runtime.internal.poll.Pollables;
import dev.weft.runtime.internal.poll.WaitList;
import dev.weft.runtime.internal.poll.WaitNode;
import dev.weft.runtime.internal.poll.Waker;

import java.util.ArrayDeque;

/**
 * A test-only unbounded queue whose receive is built on the poll protocol the way Weft's channels are:
 * {@link #send} hands an item straight to the oldest waiting receive when there is one, and a receive
 * abandoned after it was handed an item (it lost a select) gives the item back, to the next waiting
 * receive or to the front of the queue. Order and no-loss therefore depend on Select abandoning its
 * losing branches correctly, which is what the tests built on it check.
 */
final class HandoffQueue<T> {

    private final Object lock = new Object();
    private final ArrayDeque<T> items = new ArrayDeque<>();
    private final WaitList<Receiver> waiting = new WaitList<>();
    private int givenBack;

    /** Adds {@code item}; never waits. */
    void send(T item) {
        Receiver handedTo;
        synchronized (lock) {
            handedTo = waiting.pollFirst();
            if (handedTo == null) {
                items.addLast(item);
                return;
            }
            handedTo.item = item;
        }
        handedTo.wake();
    }

    /** Waits for the next item; cancel-safe. */
    Async<T> receive() {
        return Pollables.async(Receiver::new);
    }

    /** How many items abandoned receives gave back. */
    int givenBack() {
        synchronized (lock) {
            return givenBack;
        }
    }

    /** Items queued and not handed to a receiver. */
    int queued() {
        synchronized (lock) {
            return items.size();
        }
    }

    /** One evaluation of receive(): a waiter, handed its item directly by send. */
    private final class Receiver extends WaitNode implements Pollable<T> {

        private T item;
        private T taken;

        @Override
        public boolean poll(Waker waker) {
            synchronized (lock) {
                if (item != null) {
                    taken = item;
                    item = null;
                    return true;
                }
                if (!items.isEmpty()) {
                    taken = items.pollFirst();
                    waiting.remove(this);
                    return true;
                }
                setWaker(waker);
                if (!isQueued()) {
                    waiting.addLast(this);
                }
                return false;
            }
        }

        @Override
        public T result() {
            return taken;
        }

        @Override
        public void abandon() {
            Receiver nextWaiter = null;
            synchronized (lock) {
                waiting.remove(this);
                if (item != null) {
                    givenBack++;
                    nextWaiter = waiting.pollFirst();
                    if (nextWaiter == null) {
                        items.addFirst(item);
                    } else {
                        nextWaiter.item = item;
                    }
                    item = null;
                }
            }
            if (nextWaiter != null) {
                nextWaiter.wake();
            }
        }
    }
}
