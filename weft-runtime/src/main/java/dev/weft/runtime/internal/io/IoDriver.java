package dev.weft.runtime.internal.io;

import dev.weft.runtime.RuntimeShutdownException;
import dev.weft.runtime.internal.poll.WakeBatch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/*
 * Implementation notes.
 *
 * A runtime's reactor: one java.nio Selector (epoll on Linux) for every channel of the runtime, polled
 * by whichever thread owns the driver (the scheduler decides: a parked worker, the current-thread
 * driver, or the fallback driver thread), never by a thread of its own. See IoRegistration for the
 * readiness protocol.
 *
 * Owner-only methods: park(), pollNow(). The scheduler guarantees one owner at a time (the JDK's
 * Selector serializes select calls anyway, but a second caller would block behind the first). The
 * owner dispatches the selected keys through `dispatch`, collecting the wakers into the owner's
 * WakeBatch, and wakes them after the selection: the woken tasks land on the owner's own queue (the
 * JDK calls the scheduler on the waking thread), so a task woken by I/O runs on the worker that polled
 * the event, without a hop through another thread.
 *
 * The Selector is created on the first registration: a runtime that never does I/O keeps parking its
 * owner on LockSupport, and activation wakes that owner (onActivate) so it moves to the selector.
 *
 * Waking the owner: wakeOwner(thread) unparks the thread and, once the selector exists, calls
 * Selector.wakeup(), which is sticky: a wakeup before the select makes the next select return at once,
 * so no wake-up is lost whichever way the owner is about to block.
 *
 * Interest changes made while the owner is blocked in select are applied by the JDK only at the next
 * select, so interestChanged() wakes a blocked owner. `selecting` is written by the owner before it
 * enters select and read by the arming thread after the JDK queued its change (under the JDK's update
 * lock, which the select takes before blocking): either the owner's select sees the change, or the
 * arming thread sees `selecting` and wakes it.
 */

/** A runtime's I/O driver over a {@link Selector}. See the implementation notes. */
public final class IoDriver {

    private volatile Runnable onActivate = () -> { };
    private final Set<IoRegistration> registrations = ConcurrentHashMap.newKeySet();
    private final WakeBatch batch = new WakeBatch();
    private final Consumer<SelectionKey> dispatch = this::dispatch;
    private volatile Selector selector;
    private volatile boolean selecting;
    private volatile boolean shutdown;

    /** Sets what wakes the driver's current owner when the selector is created (the scheduler's waker). */
    public void setOnActivate(Runnable onActivate) {
        this.onActivate = onActivate;
    }

    /**
     * Registers {@code channel} (non-blocking) with the selector.
     *
     * @param readOps  the selection ops that mean "readable" for this channel (OP_READ or OP_ACCEPT)
     * @param writeOps the selection ops that mean "writable" (OP_WRITE, OP_CONNECT, or 0)
     * @throws RuntimeShutdownException if the runtime is shutting down
     * @throws UncheckedIOException     if the selector cannot be opened or the channel registered
     */
    public IoRegistration register(SelectableChannel channel, int readOps, int writeOps) {
        if (shutdown) {
            throw shutdownError();
        }
        IoRegistration registration = new IoRegistration(this, readOps, writeOps);
        try {
            channel.configureBlocking(false);
            registration.attach(channel.register(selector(), 0, registration));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        registrations.add(registration);
        if (shutdown) {
            registration.shutdown();
        }
        return registration;
    }

    private Selector selector() throws IOException {
        Selector current = selector;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (selector == null) {
                selector = Selector.open();
                onActivate.run();
            }
            return selector;
        }
    }

    /** True once a channel has been registered: the owner then parks in the selector. */
    public boolean isActive() {
        return selector != null;
    }

    /**
     * Owner only: waits for I/O events for at most {@code timeoutNanos} ({@link Long#MAX_VALUE}: no
     * limit), or until woken, then wakes the operations whose channels became ready. Before the first
     * registration, parks the thread instead. A timeout of zero or less polls without waiting. Returns
     * the number of channels that became ready.
     */
    public int park(long timeoutNanos) {
        if (timeoutNanos <= 0) {
            return pollNow();
        }
        Selector current = selector;
        if (current == null) {
            if (timeoutNanos == Long.MAX_VALUE) {
                LockSupport.park(this);
            } else {
                LockSupport.parkNanos(this, timeoutNanos);
            }
            return 0;
        }
        int ready;
        selecting = true;
        try {
            ready = timeoutNanos == Long.MAX_VALUE ? current.select(dispatch)
                    : current.select(dispatch, Math.max(1, TimeUnit.NANOSECONDS.toMillis(timeoutNanos + 999_999)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            selecting = false;
        }
        batch.wakeAll();
        return ready;
    }

    /** Owner only: wakes the operations whose channels are ready now, without waiting. */
    public int pollNow() {
        Selector current = selector;
        if (current == null) {
            return 0;
        }
        int ready;
        try {
            ready = current.selectNow(dispatch);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        batch.wakeAll();
        return ready;
    }

    private void dispatch(SelectionKey key) {
        int ready;
        try {
            ready = key.readyOps();
            key.interestOpsAnd(~ready);
        } catch (CancelledKeyException closed) {
            return;
        }
        ((IoRegistration) key.attachment()).deliver(ready, batch);
    }

    /** Wakes {@code owner} from {@link #park}, however it is parked (see the implementation notes). */
    public void wakeOwner(Thread owner) {
        Selector current = selector;
        if (current != null) {
            current.wakeup();
        }
        if (owner != null) {
            LockSupport.unpark(owner);
        }
    }

    /** An interest was added: a change the owner's blocked select would not see until it wakes. */
    void interestChanged() {
        if (selecting) {
            selector.wakeup();
        }
    }

    void deregistered(IoRegistration registration) {
        registrations.remove(registration);
        // The JDK closes a registered channel's descriptor when the selector drops the key, at its next
        // select: make that happen now rather than at the next event.
        interestChanged();
    }

    /** Wakes every waiting operation with a runtime-shutdown error; later registrations fail. */
    public void shutdown() {
        shutdown = true;
        for (IoRegistration registration : registrations) {
            registration.shutdown();
        }
    }

    /** Closes the selector, after the owner threads have stopped. */
    public void close() {
        Selector current = selector;
        if (current != null) {
            try {
                current.close();
            } catch (IOException e) {
                System.getLogger("dev.weft.runtime").log(System.Logger.Level.WARNING, "closing the selector failed", e);
            }
        }
    }

    RuntimeShutdownException shutdownError() {
        return new RuntimeShutdownException("the runtime is shutting down: its I/O driver no longer serves this "
                + "socket");
    }
}
