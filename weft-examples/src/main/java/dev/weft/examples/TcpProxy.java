package dev.weft.examples;

import dev.weft.Async;
import dev.weft.Weft;
import dev.weft.io.AsyncIo;
import dev.weft.net.TcpListener;
import dev.weft.net.TcpStream;
import dev.weft.runtime.AsyncRuntime;

import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/**
 * A TCP proxy: each accepted connection is joined to a new connection to the upstream server and the
 * bytes are copied both ways with {@link AsyncIo#copyBidirectional} (a half-close passes through).
 * {@code bin/example TcpProxy <listen-port> <upstream-host> <upstream-port>}; for example, in front of
 * the echo server: {@code bin/example TcpProxy 7008 127.0.0.1 7007}.
 */
public final class TcpProxy {

    private TcpProxy() {
    }

    /** Accepts connections forever and relays each to {@code upstream} in a task of its own. */
    public static Async<Void> serve(TcpListener listener, SocketAddress upstream) {
        return Async.of(() -> {
            while (true) {
                TcpStream client = listener.accept().await();
                Weft.spawn(relay(client, upstream));
            }
        });
    }

    private static Async<Void> relay(TcpStream client, SocketAddress upstream) {
        return Async.of(() -> {
            try (client; TcpStream server = TcpStream.connect(upstream).await()) {
                client.setNoDelay(true);
                server.setNoDelay(true);
                AsyncIo.CopyCounts counts = AsyncIo.copyBidirectional(client, server).await();
                System.out.println(client.peerAddress() + ": " + counts.aToB() + " bytes up, "
                        + counts.bToA() + " bytes down");
            } catch (UncheckedIOException failed) {
                System.err.println("relay ended: " + failed.getCause().getMessage());
            }
            return null;
        });
    }

    public static void main(String[] args) {
        if (args.length != 3) {
            System.err.println("usage: TcpProxy <listen-port> <upstream-host> <upstream-port>");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        InetSocketAddress upstream = new InetSocketAddress(args[1], Integer.parseInt(args[2]));
        AsyncRuntime.run(() -> {
            TcpListener listener = TcpListener.bind(new InetSocketAddress("127.0.0.1", port)).await();
            System.out.println("proxying " + listener.localAddress() + " -> " + upstream);
            serve(listener, upstream).await();
        });
    }
}
