package dev.weft.net;

import dev.weft.runtime.internal.io.SocketListener;
import dev.weft.runtime.internal.io.SocketStream;

import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A Unix-domain listener: Tokio's {@code UnixListener}. Binding creates the socket file, which must not
 * exist; closing the listener does not delete it.
 *
 * {@snippet :
 * static Async<Void> acceptOne(Path socketFile) {
 *     return Async.of(() -> {
 *         try (UnixListener listener = UnixListener.bind(socketFile);
 *              UnixStream client = listener.accept().await()) {
 *             client.writeAll(ByteBuffer.wrap("welcome".getBytes(StandardCharsets.US_ASCII))).await();
 *         }
 *         return null;
 *     });
 * }
 * }
 *
 * <h2>Cancellation</h2>
 * As {@link Listener}.
 */
public final class UnixListener extends Listener<UnixStream> {

    private UnixListener(SocketListener listener) {
        super(listener);
    }

    /**
     * Binds a listener to a new socket file at {@code path}. Call it from a Weft task.
     *
     * @throws UncheckedIOException  if the file exists or cannot be created
     * @throws IllegalStateException if the caller is not a Weft task
     */
    public static UnixListener bind(Path path) {
        Objects.requireNonNull(path, "path");
        ServerSocketChannel channel = Sockets.call(() -> ServerSocketChannel.open(StandardProtocolFamily.UNIX));
        return new UnixListener(SocketListener.bind(channel, UnixDomainSocketAddress.of(path), TcpListener.DEFAULT_BACKLOG));
    }

    @Override
    UnixStream accepted(SocketChannel channel) {
        return new UnixStream(SocketStream.connected(channel));
    }

    @Override
    public String toString() {
        return "UnixListener[" + localAddress() + "]";
    }
}
