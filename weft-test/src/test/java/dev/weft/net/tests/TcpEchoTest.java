package dev.weft.net.tests;

import dev.weft.Async;
import dev.weft.Weft;
import dev.weft.io.AsyncRead;
import dev.weft.net.TcpListener;
import dev.weft.net.TcpStream;
import dev.weft.task.JoinHandle;
import dev.weft.test.EveryFlavor;
import dev.weft.test.RuntimeFlavor;
import org.junit.jupiter.api.Timeout;

import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** TCP round trips over loopback on every flavour. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TcpEchoTest {

    static final InetSocketAddress ANY_LOOPBACK_PORT = new InetSocketAddress("127.0.0.1", 0);

    /** Echoes every byte of one connection until the client half-closes, then closes. */
    static Async<Void> echo(TcpStream client) {
        return Async.of(() -> {
            try (client) {
                ByteBuffer buffer = ByteBuffer.allocate(4096);
                while (client.read(buffer.clear()).await() >= 0) {
                    client.writeAll(buffer.flip()).await();
                }
            }
            return null;
        });
    }

    /** Accepts {@code connections} clients and echoes each in a task of its own. */
    static Async<Void> echoServer(TcpListener listener, int connections) {
        return Async.of(() -> {
            List<JoinHandle<Void>> handlers = new ArrayList<>();
            for (int i = 0; i < connections; i++) {
                handlers.add(Weft.spawn(echo(listener.accept().await())));
            }
            for (JoinHandle<Void> handler : handlers) {
                handler.await();
            }
            return null;
        });
    }

    static String readAll(AsyncRead stream) {
        ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
        while (stream.read(buffer).await() >= 0) {
            if (!buffer.hasRemaining()) {
                throw new AssertionError("reply larger than expected");
            }
        }
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
    }

    static ByteBuffer utf8(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends {@code text} to an echo server on {@code listener}, half-closes, and returns the reply. */
    static String roundTrip(TcpListener listener, Async<TcpStream> connect, String text) {
        try (listener) {
            JoinHandle<Void> server = Weft.spawn(echoServer(listener, 1));
            try (TcpStream client = connect.await()) {
                client.writeAll(utf8(text)).await();
                client.shutdownOutput().await();
                String echoed = readAll(client);
                server.await();
                return echoed;
            }
        }
    }

    @EveryFlavor
    void echo_roundTrip_returnsTheBytesSent(RuntimeFlavor flavor) {
        String reply = flavor.run(() -> {
            TcpListener listener = TcpListener.bind(ANY_LOOPBACK_PORT).await();
            return roundTrip(listener, TcpStream.connect(listener.localAddress()), "hello, weft");
        });
        assertThat(reply).isEqualTo("hello, weft");
    }

    @EveryFlavor
    void requestSentBeforeTheClientsFin_isStillAnswered_thenTheServerSeesEndOfStream(RuntimeFlavor flavor) {
        List<String> events = flavor.run(() -> {
            List<String> seen = new ArrayList<>();
            try (TcpListener listener = TcpListener.bind(ANY_LOOPBACK_PORT).await()) {
                JoinHandle<Void> server = Weft.spawn(Async.of(() -> {
                    try (TcpStream peer = listener.accept().await()) {
                        ByteBuffer request = ByteBuffer.allocate(4);
                        peer.readExact(request).await();
                        seen.add("request " + new String(request.array(), StandardCharsets.US_ASCII));
                        peer.writeAll(utf8("pong")).await();
                        seen.add("after reply read returned " + peer.read(ByteBuffer.allocate(8)).await());
                    }
                    return null;
                }));
                try (TcpStream client = TcpStream.connect(listener.localAddress()).await()) {
                    client.writeAll(utf8("ping")).await();
                    client.shutdownOutput().await();
                    seen.add("client got " + readAll(client));
                }
                server.await();
            }
            return seen;
        });
        assertThat(events).containsExactlyInAnyOrder("request ping", "after reply read returned -1", "client got pong");
    }

    @EveryFlavor
    void connect_toAPortNobodyListensOn_failsWithConnectionRefused(RuntimeFlavor flavor) {
        InetSocketAddress closedPort = flavor.run(() -> {
            try (TcpListener listener = TcpListener.bind(ANY_LOOPBACK_PORT).await()) {
                return (InetSocketAddress) listener.localAddress();
            }
        });
        assertThatThrownBy(() -> flavor.run(() -> TcpStream.connect(closedPort).await()))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("refused");
    }

    @EveryFlavor
    void connect_byHostName_resolvesOnTheBlockingPool(RuntimeFlavor flavor) {
        String reply = flavor.run(() -> {
            TcpListener listener = TcpListener.bind("localhost", 0).await();
            int port = ((InetSocketAddress) listener.localAddress()).getPort();
            return roundTrip(listener, TcpStream.connect("localhost", port), "by name");
        });
        assertThat(reply).isEqualTo("by name");
    }
}
