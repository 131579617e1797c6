package dev.weft.net;

import dev.weft.Async;
import dev.weft.runtime.internal.io.SocketStream;

import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A connected Unix-domain stream socket: Tokio's {@code UnixStream}. Same reading, writing, half-close
 * and split as {@link TcpStream}.
 *
 * {@snippet :
 * static Async<Void> sayHello(Path socketFile) {
 *     return Async.of(() -> {
 *         try (UnixStream stream = UnixStream.connect(socketFile).await()) {
 *             stream.writeAll(ByteBuffer.wrap("hello".getBytes(StandardCharsets.US_ASCII))).await();
 *         }
 *         return null;
 *     });
 * }
 * }
 *
 * <h2>Cancellation</h2>
 * As {@link StreamSocket}; a cancelled connect closes its socket.
 */
public final class UnixStream extends StreamSocket {

    UnixStream(SocketStream socket) {
        super(socket);
    }

    /**
     * Connects to the socket file at {@code path}.
     *
     * @throws UncheckedIOException if nothing listens there or connecting fails
     */
    public static Async<UnixStream> connect(Path path) {
        Objects.requireNonNull(path, "path");
        return Async.of(() -> {
            SocketChannel channel = Sockets.call(() -> SocketChannel.open(StandardProtocolFamily.UNIX));
            return new UnixStream(SocketStream.connect(channel, UnixDomainSocketAddress.of(path)));
        });
    }

    @Override
    public String toString() {
        return "UnixStream[" + (isOpen() ? peerAddress() : "closed") + "]";
    }
}
