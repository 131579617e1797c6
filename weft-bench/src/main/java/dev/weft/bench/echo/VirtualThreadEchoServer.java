package dev.weft.bench.echo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

/**
 * The echo server the JDK's virtual threads make natural: blocking {@link ServerSocket} and
 * {@link Socket} streams, one virtual thread per connection (and one that accepts), on the JDK's default
 * scheduler (one carrier per core), {@code TCP_NODELAY} on every connection.
 */
final class VirtualThreadEchoServer implements EchoServer {

    private final ServerSocket listener;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    /** Binds to {@code address} (port 0 for any) and starts accepting. */
    VirtualThreadEchoServer(InetSocketAddress address) {
        try {
            listener = new ServerSocket();
            listener.bind(address, BACKLOG);
        } catch (IOException e) {
            threads.close();
            throw new UncheckedIOException(e);
        }
        threads.execute(this::accept);
    }

    @Override
    public InetSocketAddress address() {
        return (InetSocketAddress) listener.getLocalSocketAddress();
    }

    /** Closes the listener, then interrupts every connection's thread (which closes its socket) and waits. */
    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            threads.shutdownNow();
            threads.close();
        }
    }

    private void accept() {
        try {
            while (true) {
                Socket connection = listener.accept();
                threads.execute(() -> echo(connection));
            }
        } catch (IOException | RejectedExecutionException e) {
            // The listener was closed, or the server is closing: stop accepting.
        }
    }

    private static void echo(Socket connection) {
        try (connection) {
            connection.setTcpNoDelay(true);
            InputStream in = connection.getInputStream();
            OutputStream out = connection.getOutputStream();
            byte[] buffer = new byte[BUFFER_BYTES];
            for (int n; (n = in.read(buffer)) != -1; ) {
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            // Reset by the client, or closed by close(): this connection ends.
        }
    }
}
