package dev.weft.runtime.internal.io;

import dev.weft.runtime.internal.poll.SpinLock;
import dev.weft.runtime.internal.poll.WaitList;
import dev.weft.runtime.internal.poll.WaitNode;
import dev.weft.runtime.internal.poll.WakeBatch;
import dev.weft.runtime.internal.poll.Waker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.concurrent.atomic.AtomicInteger;

/*
 * Implementation notes.
 *
 * The readiness of one channel on an IoDriver, and the operations waiting on it (Tokio's ScheduledIo).
 *
 * `readiness` packs the ready directions and a tick:
 *
 *   31                     8 7        2  1   0
 *   +------------------------+----------+---+---+
 *   |  tick (events seen)    |  unused  | W | R |
 *   +------------------------+----------+---+---+
 *
 * R (readable: data, end of stream, an error, a pending accept) and W (writable, or a finished
 * connect) are set by the driver when the selector reports them, and cleared by an operation whose
 * non-blocking call found nothing to do. The tick grows with every event the driver delivers; an
 * operation clears a direction only if the tick it observed before its call is still current
 * (clearReadiness), so an event that arrived while it was in its system call is not lost: the operation
 * finds the direction still ready and tries again. A registration starts ready in both directions, so
 * the first operation tries its call instead of waiting for an event.
 *
 * Who touches the selector: only the driver's owner, a platform thread. Tasks never call a Selector or
 * SelectionKey method, because those take the selector's internal monitors, which the owner takes too
 * while selecting, and a carrier queued on a monitor behind an unmounted task can deadlock the runtime
 * (see SpinLock). A task that must wait records the interest it needs in `requested` and queues this
 * registration on the driver (`QUEUED` keeps it queued once); the owner applies it before it selects
 * (applyChanges: register the key on first use, add interest, or cancel and close). Closing a channel
 * that was never given to the owner closes it at once; otherwise the owner closes it, since the key must
 * be cancelled first and cancelling takes a selector monitor.
 *
 * Interest stays armed after an event (`armed`, owner-written under the lock), so the common cycle
 * "read until it would block, wait, get woken" changes no interest and costs no epoll_ctl. The JDK's
 * selector is level-triggered, though: a direction reported again while it is still marked ready and
 * nobody waits for it (its reader is busy elsewhere) is disarmed (deliver), so a busy reader cannot make
 * the selector spin, and the next waiter that finds it disarmed requests it again.
 *
 * Locking: waiters, readiness writes and the closed/shutdown flags are guarded by `lock`, a SpinLock
 * (never a monitor: the owner delivers events under it). Wakers run after it is released.
 */

/** One channel's readiness and waiters. See the implementation notes. */
public final class IoRegistration {

    /** The readable direction. */
    public static final int READ = 1;
    /** The writable direction. */
    public static final int WRITE = 2;
    private static final int DIRECTIONS = READ | WRITE;
    private static final int TICK_ONE = 1 << 8;

    private static final int CLOSE = 4;
    private static final int QUEUED = 8;
    private static final int HANDED_TO_OWNER = 16;

    private final IoDriver driver;
    private final SelectableChannel channel;
    private final int readOps;
    private volatile int writeOps;
    private final AtomicInteger requested = new AtomicInteger();
    private final SpinLock lock = new SpinLock();
    private final WaitList<WaitNode> readers = new WaitList<>();
    private final WaitList<WaitNode> writers = new WaitList<>();
    private volatile int readiness = READ | WRITE;
    private volatile boolean shutdown;
    private volatile boolean closed;
    private int armed;
    private SelectionKey key;

    IoRegistration(IoDriver driver, SelectableChannel channel, int readOps, int writeOps) {
        this.driver = driver;
        this.channel = channel;
        this.readOps = readOps;
        this.writeOps = writeOps;
    }

    /**
     * Returns the readiness word when {@code direction} is ready; otherwise queues {@code node} (if it
     * is not queued yet) to be woken through {@code waker}, requests the interest, and returns -1.
     *
     * @throws UncheckedIOException                     with a {@link ClosedChannelException} once closed
     * @throws dev.weft.runtime.RuntimeShutdownException if the runtime is shutting down
     */
    public int pollReady(int direction, WaitNode node, Waker waker) {
        int current = readiness;
        if ((current & direction) != 0 && !closed && !shutdown) {
            return current;
        }
        boolean mustArm;
        lock.lock();
        try {
            if (closed) {
                throw new UncheckedIOException(new ClosedChannelException());
            }
            if (shutdown) {
                throw driver.shutdownError();
            }
            current = readiness;
            if ((current & direction) != 0) {
                return current;
            }
            node.setWaker(waker);
            if (!node.isQueued()) {
                waiters(direction).addLast(node);
            }
            mustArm = (armed & direction) == 0;
        } finally {
            lock.unlock();
        }
        if (mustArm) {
            requestInterest(direction);
        }
        return -1;
    }

    /**
     * Clears {@code direction} after a non-blocking call found nothing to do, unless an event arrived
     * since {@code observed} was read.
     */
    public void clearReadiness(int observed, int direction) {
        lock.lock();
        try {
            int current = readiness;
            if ((current & ~DIRECTIONS) == (observed & ~DIRECTIONS)) {
                readiness = current & ~direction;
            }
        } finally {
            lock.unlock();
        }
    }

    /** Removes {@code node} from the waiters of {@code direction}, if it is there. */
    public void removeWaiter(int direction, WaitNode node) {
        if (node.isQueued()) {
            lock.lock();
            try {
                waiters(direction).remove(node);
            } finally {
                lock.unlock();
            }
        }
    }

    private WaitList<WaitNode> waiters(int direction) {
        return direction == READ ? readers : writers;
    }

    private void requestInterest(int direction) {
        int previous = requested.getAndUpdate(bits -> (bits & CLOSE) != 0 ? bits
                : bits | direction | QUEUED | HANDED_TO_OWNER);
        if ((previous & CLOSE) == 0 && (previous & QUEUED) == 0) {
            driver.submit(this);
        }
    }

    /**
     * Sets the ops that mean "writable" from now on: a socket waits for OP_CONNECT while connecting and
     * for OP_WRITE once connected (an OP_CONNECT interest left on a connected socket would make the
     * level-triggered selector report it forever).
     */
    public void setWriteOps(int ops) {
        this.writeOps = ops;
    }

    /**
     * Owner only (or any thread once the driver is closed): applies what tasks requested, see the
     * implementation notes.
     */
    void applyChanges(Selector selector) {
        int request = requested.getAndUpdate(bits -> bits & HANDED_TO_OWNER);
        if ((request & CLOSE) != 0) {
            if (key != null) {
                key.cancel();
            }
            closeChannel();
            return;
        }
        int directions = request & DIRECTIONS;
        int ops = ((directions & READ) != 0 ? readOps : 0) | ((directions & WRITE) != 0 ? writeOps : 0);
        lock.lock();
        try {
            armed |= directions;
        } finally {
            lock.unlock();
        }
        try {
            if (key == null) {
                key = channel.register(selector, ops, this);
            } else if (ops != 0) {
                key.interestOpsOr(ops);
            }
        } catch (ClosedChannelException | CancelledKeyException | ClosedSelectorException gone) {
            markClosed();
        }
    }

    /**
     * Called by the driver's owner with the ops the selector reported: marks those directions ready and
     * collects their waiters into {@code batch}, which the driver wakes after the selection round.
     * Interest stays armed, so a socket that is read until it would block and then waited on again
     * costs no interest change; a report that finds a direction still ready and nobody waiting for it
     * (the level-triggered selector repeating itself while the reader is busy) disarms that direction
     * instead, and the next waiter re-arms it. Decided under the lock that waiters queue under, so a
     * waiter either sees the interest disarmed and re-arms it, or is seen here and woken.
     */
    void deliver(int readyOps, WakeBatch batch) {
        int disarm = 0;
        lock.lock();
        try {
            disarm |= deliverDirection(readyOps, READ, readOps, readers, batch);
            disarm |= deliverDirection(readyOps, WRITE, writeOps, writers, batch);
        } finally {
            lock.unlock();
        }
        if (disarm != 0) {
            try {
                key.interestOpsAnd(~disarm);
            } catch (CancelledKeyException closedMeanwhile) {
                // Nothing left to disarm.
            }
        }
    }

    /** Under the lock: delivers one direction, or returns the ops to disarm when it is redundant. */
    private int deliverDirection(int readyOps, int direction, int opsOfDirection, WaitList<WaitNode> waiting,
                                 WakeBatch batch) {
        if ((readyOps & opsOfDirection) == 0) {
            return 0;
        }
        if ((readiness & direction) != 0 && waiting.isEmpty()) {
            armed &= ~direction;
            return opsOfDirection;
        }
        readiness = (readiness | direction) + TICK_ONE;
        batch.takeAll(waiting);
        if (opsOfDirection == SelectionKey.OP_CONNECT) {
            // One-shot: once connected, OP_CONNECT would be reported as nothing, forever.
            armed &= ~direction;
            return opsOfDirection;
        }
        return 0;
    }

    /** Marks the registration shut down (every later poll throws) and wakes every waiter. */
    void shutdown() {
        WakeBatch batch = new WakeBatch();
        lock.lock();
        try {
            shutdown = true;
            batch.takeAll(readers);
            batch.takeAll(writers);
        } finally {
            lock.unlock();
        }
        batch.wakeAll();
    }

    /**
     * Closes the channel and wakes every waiter, which then fails with a {@link ClosedChannelException}.
     * A channel the owner never saw is closed here; otherwise the owner cancels its key and closes it.
     * Idempotent.
     */
    public void close() {
        if (!markClosed()) {
            return;
        }
        int previous = requested.getAndUpdate(bits -> bits | CLOSE | ((bits & HANDED_TO_OWNER) != 0 ? QUEUED : 0));
        if ((previous & HANDED_TO_OWNER) == 0) {
            closeChannel();
        } else if ((previous & QUEUED) == 0) {
            driver.submit(this);
        }
        driver.forget(this);
    }

    private boolean markClosed() {
        WakeBatch batch = new WakeBatch();
        lock.lock();
        try {
            if (closed) {
                return false;
            }
            closed = true;
            batch.takeAll(readers);
            batch.takeAll(writers);
        } finally {
            lock.unlock();
        }
        batch.wakeAll();
        return true;
    }

    /** True until {@link #close()}. */
    public boolean isOpen() {
        return !closed;
    }

    private void closeChannel() {
        try {
            channel.close();
        } catch (IOException e) {
            System.getLogger("dev.weft.runtime").log(System.Logger.Level.WARNING, "closing " + channel + " failed", e);
        }
    }
}
