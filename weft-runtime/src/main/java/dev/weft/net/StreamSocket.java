package dev.weft.net;

import dev.weft.Async;
import dev.weft.io.AsyncRead;
import dev.weft.io.AsyncWrite;
import dev.weft.runtime.internal.io.IoRegistration;
import dev.weft.runtime.internal.io.SocketStream;

import java.io.UncheckedIOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;

/**
 * What {@link TcpStream} and {@link UnixStream} have in common: a connected stream socket whose reads
 * and writes wait on readiness.
 *
 * <h2>Cancellation</h2>
 * {@link #read}, {@link #write}, {@link #readable()} and {@link #writable()} are cancel-safe: a cancelled
 * read has read nothing and a cancelled write has written nothing, and the socket stays open.
 * {@link #readExact} and {@link #writeAll} are not (see {@link AsyncRead} and {@link AsyncWrite}).
 */
public abstract sealed class StreamSocket implements AsyncRead, AsyncWrite, AutoCloseable
        permits TcpStream, UnixStream {

    final SocketStream socket;
    private volatile boolean split;
    private volatile boolean closed;

    StreamSocket(SocketStream socket) {
        this.socket = socket;
    }

    /**
     * Reads at least one byte into {@code dst}, waiting until some arrive: the count, or -1 once the
     * peer has closed or half-closed its side. Cancel-safe.
     *
     * @throws UncheckedIOException  if reading fails (for example, the peer reset the connection) or the
     *                               socket is closed
     * @throws IllegalStateException if the stream was split
     */
    @Override
    public Async<Integer> read(ByteBuffer dst) {
        return whole().read(dst);
    }

    /**
     * Writes at least one byte of {@code src}, waiting while the socket's send buffer is full. Cancel-safe.
     *
     * @throws UncheckedIOException  if writing fails or the socket is closed
     * @throws IllegalStateException if the stream was split
     */
    @Override
    public Async<Integer> write(ByteBuffer src) {
        return whole().write(src);
    }

    /** Nothing to do: a socket does not buffer in user space. Completes at once. */
    @Override
    public Async<Void> flush() {
        return Async.completed(null);
    }

    /**
     * Half-closes the stream: the peer reads the end of the stream, and this side can still read what
     * the peer sends. Completes at once.
     *
     * @throws UncheckedIOException if the socket is closed
     */
    @Override
    public Async<Void> shutdownOutput() {
        return Async.run(whole()::shutdownOutput);
    }

    /**
     * Reads what is available without waiting: the count, -1 at the end of the stream, or 0 when no
     * byte is available (then {@link #readable()} waits for more).
     *
     * @throws UncheckedIOException if reading fails
     */
    public int tryRead(ByteBuffer dst) {
        return whole().tryRead(dst);
    }

    /**
     * Writes what the socket accepts without waiting: the count, 0 when its send buffer is full.
     *
     * @throws UncheckedIOException if writing fails
     */
    public int tryWrite(ByteBuffer src) {
        return whole().tryWrite(src);
    }

    /**
     * Waits until the socket may be readable. A wake-up can be spurious: the next {@link #tryRead} may
     * still return 0. Cancel-safe.
     */
    public Async<Void> readable() {
        return whole().ready(IoRegistration.READ);
    }

    /** Waits until the socket may be writable; may be spurious, as {@link #readable()}. Cancel-safe. */
    public Async<Void> writable() {
        return whole().ready(IoRegistration.WRITE);
    }

    /** The local address the socket is bound to. */
    public SocketAddress localAddress() {
        return Sockets.call(() -> socket.channel().getLocalAddress());
    }

    /** The address of the peer. */
    public SocketAddress peerAddress() {
        return Sockets.call(() -> socket.channel().getRemoteAddress());
    }

    /**
     * Splits the stream into a read half and a write half that two tasks can use at once (Tokio's
     * {@code into_split}). This stream object can no longer read or write; the socket closes when both
     * halves are closed, and closing the write half half-closes the connection.
     *
     * @throws IllegalStateException if the stream was already split or closed
     */
    public synchronized SplitStream split() {
        if (split || closed) {
            throw new IllegalStateException(split ? "the stream was already split" : "the stream is closed");
        }
        split = true;
        socket.addOwner();
        return new SplitStream(new OwnedReadHalf(socket), new OwnedWriteHalf(socket));
    }

    /** True until the socket is closed (for a split stream: until both halves are). */
    public boolean isOpen() {
        return socket.isOpen();
    }

    /**
     * Closes the socket; reads and writes waiting on it in other tasks fail with a closed-channel error.
     * After a split, closes nothing (the halves own the socket). Idempotent.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (!split) {
            socket.release();
        }
    }

    private SocketStream whole() {
        if (split) {
            throw new IllegalStateException("the stream was split: use its halves");
        }
        return socket;
    }
}
