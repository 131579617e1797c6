package dev.weft.io;

import dev.weft.Async;
import dev.weft.runtime.internal.poll.Pollable;
import dev.weft.runtime.internal.poll.PollingAsync;
import dev.weft.runtime.internal.poll.WaitList;
import dev.weft.runtime.internal.poll.WaitNode;
import dev.weft.runtime.internal.poll.WakeBatch;
import dev.weft.runtime.internal.poll.Waker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

/*
 * Implementation notes.
 *
 * One direction of a Pipe: Tokio's SimplexStream (tokio/src/io/util/mem.rs), a bounded byte buffer
 * between one writing end and one reading end. Every field is guarded by `lock`; nothing inside the
 * lock blocks or parks.
 *
 * Reads and writes are Pollables (the poll protocol of runtime.internal.poll): a poll either completes
 * on the spot, moving bytes under the lock (the linearization point), or queues the operation in
 * `readers` or `writers` and returns false having moved nothing. abandon() unlinks the node, so a
 * cancelled read or write has consumed nothing: cancel-safe and usable by Select.
 *
 * Unlike Tokio, which keeps one waker per side, waiters sit in WaitLists, so several tasks may wait on
 * the same end. Every change wakes all waiters of the other side (bytes arrived: readers; space freed:
 * writers; a close: both); the wakers are collected under the lock in a WakeBatch and woken after it
 * is released. A woken waiter that finds nothing polls again and re-queues itself.
 *
 * State: `outputShutDown` is set by the writing end's shutdownOutput or close; readers then drain the
 * buffer and see the end of the stream, and writes fail. `readerClosed` is set by the reading end's
 * close; writes fail with a broken pipe, reads on the closed end fail, and the buffered bytes are
 * dropped.
 */
final class Simplex {

    private static final int PENDING = Integer.MIN_VALUE;

    private final Object lock = new Object();
    private final ByteBuf buffer;
    private final int bufferSize;
    private final WaitList<Transfer> readers = new WaitList<>();
    private final WaitList<Transfer> writers = new WaitList<>();
    private boolean outputShutDown;
    private boolean readerClosed;

    Simplex(int bufferSize) {
        this.bufferSize = bufferSize;
        this.buffer = new ByteBuf(Math.min(bufferSize, 8 * 1024), bufferSize);
    }

    Async<Integer> read(ByteBuffer dst) {
        return operation(dst, true);
    }

    Async<Integer> write(ByteBuffer src) {
        return operation(src, false);
    }

    private Async<Integer> operation(ByteBuffer bytes, boolean isRead) {
        return new PollingAsync<>() {
            @Override
            public Pollable<Integer> start() {
                return new Transfer(bytes, isRead);
            }
        };
    }

    /** The writing end shut its output down (or closed): readers see the end of the stream after draining. */
    void shutdownOutput() {
        WakeBatch wakers = new WakeBatch();
        synchronized (lock) {
            outputShutDown = true;
            wakers.takeAll(readers);
            wakers.takeAll(writers);
        }
        wakers.wakeAll();
    }

    /** The reading end closed: writers fail with a broken pipe; the buffered bytes are dropped. */
    void closeReader() {
        WakeBatch wakers = new WakeBatch();
        synchronized (lock) {
            readerClosed = true;
            buffer.clear();
            wakers.takeAll(writers);
            wakers.takeAll(readers);
        }
        wakers.wakeAll();
    }

    /** Moves bytes into {@code dst}: a count, -1 at the end of the stream, or PENDING. Holds the lock. */
    private int readLocked(ByteBuffer dst) throws IOException {
        if (readerClosed) {
            throw new IOException("pipe end is closed");
        }
        if (!dst.hasRemaining()) {
            return 0;
        }
        ByteBuffer data = buffer.readable();
        if (data.hasRemaining()) {
            int n = Math.min(data.remaining(), dst.remaining());
            dst.put(dst.position(), data, data.position(), n);
            dst.position(dst.position() + n);
            data.position(data.position() + n);
            return n;
        }
        return outputShutDown ? -1 : PENDING;
    }

    /** Moves bytes from {@code src}: a count or PENDING. Holds the lock. */
    private int writeLocked(ByteBuffer src) throws IOException {
        if (outputShutDown) {
            throw new IOException("cannot write: the output of this pipe end is shut down");
        }
        if (readerClosed) {
            throw new IOException("broken pipe: the peer closed its end");
        }
        if (!src.hasRemaining()) {
            return 0;
        }
        int space = bufferSize - buffer.readableBytes();
        if (space == 0) {
            return PENDING;
        }
        int n = Math.min(space, src.remaining());
        buffer.put(src.slice(src.position(), n));
        src.position(src.position() + n);
        return n;
    }

    /** One read or write in flight. Its fields are the owner's; the node links are guarded by the lock. */
    private final class Transfer extends WaitNode implements Pollable<Integer> {

        private final ByteBuffer bytes;
        private final boolean isRead;
        private int count;
        private IOException failure;

        Transfer(ByteBuffer bytes, boolean isRead) {
            this.bytes = bytes;
            this.isRead = isRead;
        }

        @Override
        public boolean poll(Waker waker) {
            WakeBatch wakers = null;
            synchronized (lock) {
                WaitList<Transfer> mine = isRead ? readers : writers;
                int outcome;
                try {
                    outcome = isRead ? readLocked(bytes) : writeLocked(bytes);
                } catch (IOException e) {
                    mine.remove(this);
                    failure = e;
                    return true;
                }
                if (outcome == PENDING) {
                    setWaker(waker);
                    if (!isQueued()) {
                        mine.addLast(this);
                    }
                    return false;
                }
                mine.remove(this);
                count = outcome;
                WaitList<Transfer> otherSide = isRead ? writers : readers;
                if (outcome > 0 && !otherSide.isEmpty()) {
                    wakers = new WakeBatch();
                    wakers.takeAll(otherSide);
                }
            }
            if (wakers != null) {
                wakers.wakeAll();
            }
            return true;
        }

        @Override
        public Integer result() {
            if (failure != null) {
                throw new UncheckedIOException(failure);
            }
            return count;
        }

        @Override
        public void abandon() {
            synchronized (lock) {
                (isRead ? readers : writers).remove(this);
            }
        }
    }
}
