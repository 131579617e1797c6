package dev.weft.runtime.internal.io;

import dev.weft.runtime.RuntimeShutdownException;
import dev.weft.runtime.internal.poll.WakeBatch;
import dev.weft.runtime.internal.scheduler.TaskScheduler;
import dev.weft.runtime.internal.task.RuntimeCore;
import dev.weft.runtime.internal.task.TaskContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/*
 * Implementation notes.
 *
 * A runtime's reactor: one java.nio Selector (epoll on Linux) for every channel of the runtime, used by
 * whichever thread owns the driver (the scheduler decides: a parked worker, the current-thread driver,
 * or the fallback driver thread), never by a thread of its own. See IoRegistration for the readiness
 * protocol.
 *
 * Only platform threads touch the Selector, and only the owner registers, arms and cancels keys: the
 * JDK's selector guards those with monitors it also takes while selecting, and a task (a virtual thread)
 * blocked on one of them unmounts and becomes the monitor's successor, which can leave a worker waiting
 * for a task that only it could run (found by the echo benchmark at 1 000 connections). So tasks queue
 * their changes in `changes` (lock-free), the owner applies them before every select (applyChanges),
 * and a task that must wake a selecting owner leaves the Selector.wakeup() call to its carrier, which
 * makes it as soon as the task unmounts (TaskScheduler.deferToCarrier); on the JDK's own scheduler,
 * whose carriers the driver never blocks, the task calls it directly.
 *
 * Owner-only methods: park(), pollNow(). The owner dispatches the selected keys through `dispatch`,
 * collecting the wakers into its WakeBatch, and wakes them after the selection: the woken tasks land on
 * the owner's own queue (the JDK calls the scheduler on the waking thread), so a task woken by I/O runs
 * on the worker that polled the event, without a hop through another thread.
 *
 * The Selector is created on the first registration: a runtime that never does I/O keeps parking its
 * owner on LockSupport, and activation wakes that owner (onActivate) so it moves to the selector.
 *
 * Waking the owner: Selector.wakeup() is sticky (a wakeup before the select makes the next select return
 * at once), so no wake-up is lost whichever way the owner is about to block. `selecting` is set by the
 * owner before it drains `changes` and selects, and read by a task after it queued a change: either the
 * owner's drain sees the change, or the task sees `selecting` and has the owner woken.
 */

/** A runtime's I/O driver over a {@link Selector}. See the implementation notes. */
public final class IoDriver {

    private final Set<IoRegistration> registrations = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<IoRegistration> changes = new ConcurrentLinkedQueue<>();
    private final WakeBatch batch = new WakeBatch();
    private final Consumer<SelectionKey> dispatch = this::dispatch;
    private final Runnable wakeIfSelecting = this::wakeIfSelecting;
    private final Runnable wakeSelector = this::wakeSelector;
    private volatile Runnable onActivate = () -> { };
    private volatile Selector selector;
    private volatile boolean selecting;
    private volatile boolean shutdown;
    private volatile boolean closed;

    /** Sets what wakes the driver's current owner when the selector is created (the scheduler's waker). */
    public void setOnActivate(Runnable onActivate) {
        this.onActivate = onActivate;
    }

    /**
     * Registers {@code channel}, made non-blocking here, with this driver. The selector sees it when
     * an operation first waits on it.
     *
     * @param readOps  the selection ops that mean "readable" for this channel (OP_READ or OP_ACCEPT)
     * @param writeOps the selection ops that mean "writable" (OP_WRITE, OP_CONNECT, or 0)
     * @throws RuntimeShutdownException if the runtime is shutting down
     * @throws UncheckedIOException     if the selector cannot be opened or the channel configured
     */
    public IoRegistration register(SelectableChannel channel, int readOps, int writeOps) {
        if (shutdown) {
            throw shutdownError();
        }
        try {
            channel.configureBlocking(false);
            activate();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        IoRegistration registration = new IoRegistration(this, channel, readOps, writeOps);
        registrations.add(registration);
        if (shutdown) {
            registration.shutdown();
        }
        return registration;
    }

    private void activate() throws IOException {
        if (selector != null) {
            return;
        }
        synchronized (this) {
            if (selector == null) {
                selector = Selector.open();
                onActivate.run();
            }
        }
    }

    /** True once a channel has been registered: the owner then parks in the selector. */
    public boolean isActive() {
        return selector != null;
    }

    /** Queues a registration whose changes the owner must apply, and makes sure it will. */
    void submit(IoRegistration registration) {
        changes.offer(registration);
        if (closed) {
            applyChanges(selector);
        } else if (selecting) {
            onPlatformThread(wakeIfSelecting);
        }
    }

    private void applyChanges(Selector target) {
        for (IoRegistration next = changes.poll(); next != null; next = changes.poll()) {
            next.applyChanges(target);
        }
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
            applyChanges(current);
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
            applyChanges(current);
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
        } catch (CancelledKeyException closedMeanwhile) {
            return;
        }
        ((IoRegistration) key.attachment()).deliver(ready, batch);
    }

    /** Wakes {@code owner} from {@link #park}, however it is parked (see the implementation notes). */
    public void wakeOwner(Thread owner) {
        if (owner != null) {
            LockSupport.unpark(owner);
        }
        if (selector != null) {
            onPlatformThread(wakeSelector);
        }
    }

    private void wakeIfSelecting() {
        if (selecting) {
            wakeSelector();
        }
    }

    private void wakeSelector() {
        selector.wakeup();
    }

    /**
     * Runs {@code action}, which calls the Selector, on a platform thread: at once on one, or, from a
     * task on a Weft carrier, on that carrier right after the task unmounts.
     */
    private static void onPlatformThread(Runnable action) {
        if (Thread.currentThread().isVirtual()) {
            RuntimeCore runtime = TaskContext.currentRuntime();
            TaskScheduler scheduler = runtime == null ? null : runtime.scheduler();
            if (scheduler != null && scheduler.deferToCarrier(action)) {
                return;
            }
        }
        action.run();
    }

    /** A channel was closed: it no longer needs waking at shutdown. Its close, if queued, was submitted. */
    void forget(IoRegistration registration) {
        registrations.remove(registration);
    }

    /** Wakes every waiting operation with a runtime-shutdown error; later registrations fail. */
    public void shutdown() {
        shutdown = true;
        for (IoRegistration registration : registrations) {
            registration.shutdown();
        }
    }

    /**
     * Closes the selector, after the owner threads have stopped. Changes queued from now on (a channel
     * closed after the runtime) are applied by the thread that makes them.
     */
    public void close() {
        closed = true;
        Selector current = selector;
        applyChanges(current);
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
