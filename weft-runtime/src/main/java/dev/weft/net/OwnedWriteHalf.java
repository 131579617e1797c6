package dev.weft.net;

import dev.weft.Async;
import dev.weft.io.AsyncWrite;
import dev.weft.runtime.internal.io.SocketStream;

import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

/**
 * The write half of a split stream ({@link StreamSocket#split()}), usable from a task of its own while
 * another task reads. Closing it half-closes the connection (the peer reads the end of the stream), as
 * dropping Tokio's {@code OwnedWriteHalf} does.
 *
 * <h2>Cancellation</h2>
 * {@link #write} is cancel-safe: a cancelled write has written nothing.
 */
public final class OwnedWriteHalf extends OwnedHalf implements AsyncWrite {

    OwnedWriteHalf(SocketStream socket) {
        super(socket);
    }

    /**
     * Writes at least one byte of {@code src}, waiting while the send buffer is full.
     *
     * @throws java.io.UncheckedIOException if writing fails or the socket is closed
     */
    @Override
    public Async<Integer> write(ByteBuffer src) {
        return socket.write(src);
    }

    /** Nothing to flush; completes at once. */
    @Override
    public Async<Void> flush() {
        return Async.completed(null);
    }

    /** Half-closes the connection; completes at once. */
    @Override
    public Async<Void> shutdownOutput() {
        return Async.run(socket::shutdownOutput);
    }

    /**
     * Half-closes the connection if it is still open and releases this half; the socket closes once
     * the read half is closed too. Idempotent.
     */
    @Override
    public void close() {
        if (markClosed()) {
            try {
                if (socket.isOpen()) {
                    socket.shutdownOutput();
                }
            } catch (UncheckedIOException alreadyGone) {
                // The peer reset the connection: nothing left to half-close.
            } finally {
                socket.release();
            }
        }
    }
}
