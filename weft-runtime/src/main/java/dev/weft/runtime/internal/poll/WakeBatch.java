package dev.weft.runtime.internal.poll;

import java.util.Arrays;

/**
 * Wakers collected under a lock and woken after it is released. Not thread-safe: one thread fills and
 * wakes it. Reusable: {@link #wakeAll()} empties it, so a long-lived owner (the I/O driver's owner)
 * keeps one and allocates nothing per event.
 */
public final class WakeBatch {

    private Waker[] wakers = new Waker[8];
    private int size;

    /** Adds the waker of {@code node}, if it has one. */
    public void add(WaitNode node) {
        Waker waker = node.waker();
        if (waker == null) {
            return;
        }
        if (size == wakers.length) {
            wakers = Arrays.copyOf(wakers, size * 2);
        }
        wakers[size++] = waker;
    }

    /** Adds every waiter of {@code list}, emptying it. */
    public void takeAll(WaitList<?> list) {
        for (WaitNode node = list.pollFirst(); node != null; node = list.pollFirst()) {
            add(node);
        }
    }

    /** Wakes the collected wakers in the order they were added and forgets them. */
    public void wakeAll() {
        int count = size;
        size = 0;
        for (int i = 0; i < count; i++) {
            Waker waker = wakers[i];
            wakers[i] = null;
            waker.wake();
        }
    }
}
