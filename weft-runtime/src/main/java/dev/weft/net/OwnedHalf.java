package dev.weft.net;

import dev.weft.runtime.internal.io.SocketStream;

import java.util.concurrent.atomic.AtomicBoolean;

/** A half of a split stream: shares the socket with the other half and releases it once. */
abstract sealed class OwnedHalf implements AutoCloseable permits OwnedReadHalf, OwnedWriteHalf {

    final SocketStream socket;
    private final AtomicBoolean closed = new AtomicBoolean();

    OwnedHalf(SocketStream socket) {
        this.socket = socket;
    }

    /** True for the first caller only: closing is idempotent. */
    final boolean markClosed() {
        return closed.compareAndSet(false, true);
    }

    @Override
    public abstract void close();
}
