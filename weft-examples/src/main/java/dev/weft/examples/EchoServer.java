package dev.weft.examples;

import dev.weft.Async;
import dev.weft.Weft;
import dev.weft.net.TcpListener;
import dev.weft.net.TcpStream;
import dev.weft.runtime.AsyncRuntime;

import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * A TCP echo server: every connection is served by a task of its own, which writes back every byte it
 * reads until the client closes its side. {@code bin/example EchoServer [port]} (default 7007, on
 * 127.0.0.1); try it with {@code bin/example EchoClient} or {@code nc 127.0.0.1 7007}.
 */
public final class EchoServer {

    /** The port the server listens on when none is given. */
    public static final int DEFAULT_PORT = 7007;

    private EchoServer() {
    }

    /** Accepts connections forever, echoing each in its own task. */
    public static Async<Void> serve(TcpListener listener) {
        return Async.of(() -> {
            while (true) {
                TcpStream client = listener.accept().await();
                Weft.spawn(echo(client));
            }
        });
    }

    /** Echoes one connection until the client half-closes or goes away. */
    static Async<Void> echo(TcpStream client) {
        return Async.of(() -> {
            try (client) {
                client.setNoDelay(true);
                ByteBuffer buffer = ByteBuffer.allocate(16 * 1024);
                while (client.read(buffer.clear()).await() >= 0) {
                    client.writeAll(buffer.flip()).await();
                }
            } catch (UncheckedIOException gone) {
                System.err.println("connection ended: " + gone.getCause().getMessage());
            }
            return null;
        });
    }

    public static void main(String[] args) {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_PORT;
        AsyncRuntime.run(() -> {
            TcpListener listener = TcpListener.bind(new InetSocketAddress("127.0.0.1", port)).await();
            System.out.println("echo server listening on " + listener.localAddress());
            serve(listener).await();
        });
    }
}
