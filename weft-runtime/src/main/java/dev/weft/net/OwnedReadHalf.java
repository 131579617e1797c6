package dev.weft.net;

import dev.weft.Async;
import dev.weft.io.AsyncRead;
import dev.weft.runtime.internal.io.SocketStream;

import java.nio.ByteBuffer;

/**
 * The read half of a split stream ({@link StreamSocket#split()}), usable from a task of its own while
 * another task writes.
 *
 * <h2>Cancellation</h2>
 * {@link #read} is cancel-safe: a cancelled read has read nothing.
 */
public final class OwnedReadHalf extends OwnedHalf implements AsyncRead {

    OwnedReadHalf(SocketStream socket) {
        super(socket);
    }

    /**
     * Reads at least one byte into {@code dst}: the count, or -1 at the end of the stream.
     *
     * @throws java.io.UncheckedIOException if reading fails or the socket is closed
     */
    @Override
    public Async<Integer> read(ByteBuffer dst) {
        return socket.read(dst);
    }

    /** Releases this half; the socket closes once the write half is closed too. Idempotent. */
    @Override
    public void close() {
        if (markClosed()) {
            socket.release();
        }
    }
}
