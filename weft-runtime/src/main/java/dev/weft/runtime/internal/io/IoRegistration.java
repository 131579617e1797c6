package dev.weft.runtime.internal.io;

import dev.weft.runtime.internal.poll.WaitList;
import dev.weft.runtime.internal.poll.WaitNode;
import dev.weft.runtime.internal.poll.WakeBatch;
import dev.weft.runtime.internal.poll.Waker;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;

/*
 * Implementation notes.
 *
 * The readiness of one channel registered with an IoDriver, and the operations waiting on it (Tokio's
 * ScheduledIo).
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
 * finds the direction still ready and tries again. A new registration starts ready in both directions,
 * so the first operation tries its call instead of waiting for an event.
 *
 * Interest is one-shot, because the JDK's selector is level-triggered: an operation that must wait adds
 * its direction to the key's interest set, and the driver removes the directions it reports from the
 * interest set before delivering them. A direction therefore costs the selector nothing while nobody
 * waits on it, and a readable socket whose reader is busy does not make the selector spin.
 *
 * Waiters: operations waiting for a direction are WaitNodes in `readers` / `writers`, guarded by this
 * object's monitor, as is every write of `readiness` (reads are plain volatile). Registering a waiter
 * and checking readiness happen under the monitor, and the driver updates readiness and collects the
 * waiters under it, so a waiter either sees the event or is woken by it. Wakers run after the monitor
 * is released.
 *
 * Order of arming: the waiter is queued first, then the interest is added. The driver clears a
 * reported direction from the interest set before it takes the monitor to deliver the event, so an
 * interest added in between may be cleared; but the waiter it belongs to is queued already and is
 * woken by that same delivery, and re-arms if it still has to wait.
 */

/** One channel's readiness and waiters. See the implementation notes. */
public final class IoRegistration {

    /** The readable direction. */
    public static final int READ = 1;
    /** The writable direction. */
    public static final int WRITE = 2;
    private static final int DIRECTIONS = READ | WRITE;
    private static final int TICK_ONE = 1 << 8;

    private final IoDriver driver;
    private final int readOps;
    private volatile int writeOps;
    private SelectionKey key;
    private volatile int readiness = READ | WRITE;
    private final WaitList<WaitNode> readers = new WaitList<>();
    private final WaitList<WaitNode> writers = new WaitList<>();
    private boolean shutdown;
    private boolean closed;

    IoRegistration(IoDriver driver, int readOps, int writeOps) {
        this.driver = driver;
        this.readOps = readOps;
        this.writeOps = writeOps;
    }

    void attach(SelectionKey key) {
        this.key = key;
    }

    /** The driver this channel is registered with. */
    public IoDriver driver() {
        return driver;
    }

    /**
     * Returns the readiness word when {@code direction} is ready; otherwise queues {@code node} (if it
     * is not queued yet) to be woken through {@code waker}, arms the interest, and returns -1.
     *
     * @throws dev.weft.runtime.RuntimeShutdownException if the runtime is shutting down
     */
    public int pollReady(int direction, WaitNode node, Waker waker) {
        synchronized (this) {
            if (closed) {
                throw new UncheckedIOException(new ClosedChannelException());
            }
            if (shutdown) {
                throw driver.shutdownError();
            }
            int current = readiness;
            if ((current & direction) != 0) {
                return current;
            }
            node.setWaker(waker);
            if (!node.isQueued()) {
                waiters(direction).addLast(node);
            }
        }
        arm(direction);
        return -1;
    }

    /**
     * Clears {@code direction} after a non-blocking call found nothing to do, unless an event arrived
     * since {@code observed} was read.
     */
    public void clearReadiness(int observed, int direction) {
        synchronized (this) {
            int current = readiness;
            if ((current & ~DIRECTIONS) == (observed & ~DIRECTIONS)) {
                readiness = current & ~direction;
            }
        }
    }

    /** Removes {@code node} from the waiters of {@code direction}, if it is there. */
    public void removeWaiter(int direction, WaitNode node) {
        if (node.isQueued()) {
            synchronized (this) {
                waiters(direction).remove(node);
            }
        }
    }

    private WaitList<WaitNode> waiters(int direction) {
        return direction == READ ? readers : writers;
    }

    private void arm(int direction) {
        try {
            key.interestOpsOr(direction == READ ? readOps : writeOps);
        } catch (CancelledKeyException cancelled) {
            // Closed meanwhile: close() wakes the queued waiter, which then fails.
            return;
        }
        driver.interestChanged();
    }

    /**
     * Called by the driver's owner with the ops the selector reported: marks those directions ready and
     * collects their waiters into {@code batch}, which the driver wakes after the selection round.
     */
    void deliver(int readyOps, WakeBatch batch) {
        int directions = ((readyOps & readOps) != 0 ? READ : 0) | ((readyOps & writeOps) != 0 ? WRITE : 0);
        synchronized (this) {
            readiness = (readiness | directions) + TICK_ONE;
            if ((directions & READ) != 0) {
                batch.takeAll(readers);
            }
            if ((directions & WRITE) != 0) {
                batch.takeAll(writers);
            }
        }
    }

    /** Marks the registration shut down (every later poll throws) and wakes every waiter. */
    void shutdown() {
        WakeBatch batch = new WakeBatch();
        synchronized (this) {
            shutdown = true;
            batch.takeAll(readers);
            batch.takeAll(writers);
        }
        batch.wakeAll();
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
     * Closes {@code channel} (which cancels its key) and wakes every waiter, which then fails with a
     * {@link ClosedChannelException}. Idempotent.
     *
     * @throws IOException if closing the channel fails
     */
    public void close(Closeable channel) throws IOException {
        try {
            channel.close();
        } finally {
            WakeBatch batch = new WakeBatch();
            boolean first;
            synchronized (this) {
                first = !closed;
                closed = true;
                batch.takeAll(readers);
                batch.takeAll(writers);
            }
            batch.wakeAll();
            if (first) {
                driver.deregistered(this);
            }
        }
    }
}
