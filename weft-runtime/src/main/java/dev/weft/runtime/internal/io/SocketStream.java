package dev.weft.runtime.internal.io;

import dev.weft.Async;
import dev.weft.runtime.internal.task.RuntimeCore;
import dev.weft.runtime.internal.task.TaskContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.concurrent.atomic.AtomicInteger;

/*
 * Implementation notes.
 *
 * A connected stream socket (TCP or Unix domain) on a runtime's I/O driver: the one implementation
 * behind TcpStream, UnixStream and their owned halves. Reads and writes are IoOperations, so they wait
 * on readiness and never block a worker; one task may read while another writes (the two directions
 * have separate waiter lists), which is what split() relies on.
 *
 * `owners` counts the objects that keep the socket open: 1 for a whole stream, 2 after a split (the
 * read half and the write half). The socket is closed when the count reaches zero, so closing one half
 * leaves the other usable, as Tokio's owned halves do.
 */

/** A connected, registered stream socket. See the implementation notes. */
public final class SocketStream {

    private final SocketChannel channel;
    private final IoRegistration io;
    private final AtomicInteger owners = new AtomicInteger(1);

    private SocketStream(SocketChannel channel, IoRegistration io) {
        this.channel = channel;
        this.io = io;
    }

    /** Registers an already connected channel with the calling task's runtime. */
    public static SocketStream connected(SocketChannel channel) {
        return new SocketStream(channel, register(channel, SelectionKey.OP_WRITE));
    }

    /**
     * Connects a new channel to {@code address}, waiting (on readiness) until the connection is made.
     * The channel is closed if connecting fails or is cancelled.
     */
    public static SocketStream connect(SocketChannel channel, SocketAddress address) {
        IoRegistration io = register(channel, SelectionKey.OP_CONNECT);
        boolean connected = false;
        try {
            if (!channel.connect(address)) {
                IoOperation.async(io, IoRegistration.WRITE, () -> channel.finishConnect() ? Boolean.TRUE : null)
                        .await();
            }
            io.setWriteOps(SelectionKey.OP_WRITE);
            connected = true;
            return new SocketStream(channel, io);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (!connected) {
                io.close();
            }
        }
    }

    private static IoRegistration register(SocketChannel channel, int writeOps) {
        return currentDriver("Connecting a socket").register(channel, SelectionKey.OP_READ, writeOps);
    }

    /**
     * The I/O driver of the calling task's runtime.
     *
     * @throws IllegalStateException if the caller is not a Weft task
     */
    public static IoDriver currentDriver(String what) {
        RuntimeCore runtime = TaskContext.currentRuntime();
        if (runtime == null) {
            TaskContext.requireTask(what);
        }
        return runtime.io();
    }

    /** Reads into {@code dst}: the count, or -1 at the end of the stream. */
    public Async<Integer> read(ByteBuffer dst) {
        if (!dst.hasRemaining()) {
            return Async.completed(0);
        }
        return IoOperation.async(io, IoRegistration.READ, () -> {
            int count = channel.read(dst);
            return count == 0 ? null : count;
        }, count -> count > 0 && dst.hasRemaining());
    }

    /** Writes part of {@code src}: the count, at least one byte unless {@code src} is empty. */
    public Async<Integer> write(ByteBuffer src) {
        if (!src.hasRemaining()) {
            return Async.completed(0);
        }
        return IoOperation.async(io, IoRegistration.WRITE, () -> {
            int count = channel.write(src);
            return count == 0 ? null : count;
        });
    }

    /** Reads what is available now without waiting: the count, -1 at the end, or 0 when nothing is. */
    public int tryRead(ByteBuffer dst) {
        try {
            return channel.read(dst);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes what the socket accepts now without waiting: the count, possibly 0. */
    public int tryWrite(ByteBuffer src) {
        try {
            return channel.write(src);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until {@code direction} is reported ready (it may turn out not to be: a spurious wake). */
    public Async<Void> ready(int direction) {
        return IoOperation.async(io, direction, () -> Boolean.TRUE).map(ready -> null);
    }

    /** Sends the end of the stream (a FIN) to the peer; reading goes on. */
    public void shutdownOutput() {
        try {
            channel.shutdownOutput();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public SocketChannel channel() {
        return channel;
    }

    /** Counts a second owner (split): the socket closes when both have released it. */
    public void addOwner() {
        owners.incrementAndGet();
    }

    /** Releases one owner; the last one closes the socket. */
    public void release() {
        if (owners.decrementAndGet() == 0) {
            io.close();
        }
    }

    public boolean isOpen() {
        return io.isOpen();
    }
}
