package dev.weft.miniredis.client;

import dev.weft.Async;
import dev.weft.Weft;
import dev.weft.miniredis.frame.Frame;
import dev.weft.miniredis.frame.FrameEncoder;
import dev.weft.miniredis.frame.FrameParser;
import dev.weft.miniredis.frame.ProtocolLimits;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A plain blocking socket to a server, for what the tests check behind the client's back (a key's TTL, the
 * number of connected clients) and for starting up servers. Independent of the client library under test:
 * only the frame package. Used from threads outside the runtime, or from tasks through
 * {@link #commandFromTask}.
 */
public final class RawConnection implements AutoCloseable {

    private final Socket socket;
    private final FrameParser parser = new FrameParser(ProtocolLimits.DEFAULT);
    private ByteBuffer received = ByteBuffer.allocate(4096).flip();

    RawConnection(InetSocketAddress address) {
        try {
            socket = new Socket(address.getAddress(), address.getPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends one command and returns its reply. */
    Frame command(String... words) {
        FrameEncoder encoder = new FrameEncoder();
        encoder.encode(Frame.command(words));
        try {
            socket.getOutputStream().write(encoder.toByteArray());
            InputStream input = socket.getInputStream();
            while (!parser.check(received)) {
                byte[] chunk = new byte[4096];
                int n = input.read(chunk);
                if (n < 0) {
                    throw new EOFException("the server closed the connection");
                }
                ByteBuffer grown = ByteBuffer.allocate(received.remaining() + n);
                received = grown.put(received).put(Arrays.copyOf(chunk, n)).flip();
            }
            return parser.parse(received);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One command on a connection of its own, run on the blocking pool: for tests running as Weft tasks,
     * which must not hold their worker in a blocking socket call.
     */
    public static Async<Frame> commandFromTask(InetSocketAddress address, String... words) {
        return Async.of(() -> Weft.spawnBlocking(() -> command(address, words)).await());
    }

    /** One command on a connection of its own (from a thread outside the runtime). */
    public static Frame command(InetSocketAddress address, String... words) {
        try (RawConnection connection = new RawConnection(address)) {
            return connection.command(words);
        }
    }

    /**
     * The number of clients connected to the server, from {@code INFO clients}, this connection included.
     * The connection then QUITs and waits until the server has closed it, so that it is no longer counted
     * when this returns: a server that serves connections in parallel (mini-redis) may otherwise count a
     * closed connection a little longer than Redis's single thread does.
     */
    public static int connectedClients(InetSocketAddress address) {
        Frame info;
        try (RawConnection connection = new RawConnection(address)) {
            info = connection.command("INFO", "clients");
            connection.command("QUIT");
            connection.awaitClosedByServer();
        }
        for (String line : ((Frame.Bulk) info).utf8().split("\r\n")) {
            if (line.startsWith("connected_clients:")) {
                return Integer.parseInt(line.substring("connected_clients:".length()));
            }
        }
        throw new AssertionError("no connected_clients in INFO clients: " + info);
    }

    /** Reads until the server closes the connection. */
    private void awaitClosedByServer() {
        try {
            socket.getInputStream().transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing a socket that failed is best effort.
        }
    }
}
