package dev.weft.docs;

import dev.weft.Async;
import dev.weft.Weft;
import dev.weft.io.AsyncRead;
import dev.weft.io.AsyncWrite;
import dev.weft.net.TcpListener;
import dev.weft.net.TcpSocket;
import dev.weft.net.TcpStream;
import dev.weft.net.UdpSocket;
import dev.weft.net.UnixListener;
import dev.weft.net.UnixStream;
import dev.weft.runtime.AsyncRuntime;
import dev.weft.task.JoinHandle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The examples of the javadoc of {@code dev.weft.net} and of {@code AsyncRead}/{@code AsyncWrite}, as
 * written there. Keep each in step with the {@code {@snippet}} it mirrors.
 */
@Timeout(30)
class NetJavadocExamplesTest {

    private static final InetSocketAddress LOOPBACK = new InetSocketAddress("127.0.0.1", 0);

    @TempDir
    Path directory;

    // AsyncRead
    static Async<Long> countBytes(AsyncRead source) {
        return Async.of(() -> {
            ByteBuffer buffer = ByteBuffer.allocate(8192);
            long total = 0;
            for (int n; (n = source.read(buffer.clear()).await()) != -1; ) {
                total += n;
            }
            return total;
        });
    }

    // AsyncWrite
    static Async<Void> sendGreeting(AsyncWrite sink) {
        return Async.of(() -> {
            sink.writeAll(ByteBuffer.wrap("hello\n".getBytes(StandardCharsets.UTF_8))).await();
            sink.flush().await();
            return null;
        });
    }

    // TcpStream
    static Async<String> fetchGreeting(InetSocketAddress server) {
        return Async.of(() -> {
            try (TcpStream stream = TcpStream.connect(server).await()) {
                stream.writeAll(ByteBuffer.wrap("hello\n".getBytes(StandardCharsets.US_ASCII))).await();
                stream.shutdownOutput().await();
                ByteBuffer reply = ByteBuffer.allocate(64);
                while (stream.read(reply).await() >= 0) {
                    // read until the server closes its side
                }
                return new String(reply.array(), 0, reply.position(), StandardCharsets.US_ASCII);
            }
        });
    }

    // TcpListener
    static Async<Void> echoOnce(TcpListener listener) {
        return Async.of(() -> {
            try (TcpStream client = listener.accept().await()) {
                ByteBuffer buffer = ByteBuffer.allocate(1024);
                while (client.read(buffer.clear()).await() > 0) {
                    client.writeAll(buffer.flip()).await();
                }
            }
            return null;
        });
    }

    // TcpSocket
    static Async<TcpListener> listenWithReuse(InetSocketAddress address) {
        return Async.of(() -> new TcpSocket()
                .setReuseAddress(true)
                .setReceiveBufferSize(256 * 1024)
                .bind(address)
                .listen(1024));
    }

    // UdpSocket
    static Async<String> ask(UdpSocket socket, SocketAddress server) {
        return Async.of(() -> {
            socket.sendTo(ByteBuffer.wrap("time?".getBytes(StandardCharsets.US_ASCII)), server).await();
            ByteBuffer answer = ByteBuffer.allocate(512);
            socket.receiveFrom(answer).await();
            return new String(answer.array(), 0, answer.position(), StandardCharsets.US_ASCII);
        });
    }

    // UnixStream
    static Async<Void> sayHello(Path socketFile) {
        return Async.of(() -> {
            try (UnixStream stream = UnixStream.connect(socketFile).await()) {
                stream.writeAll(ByteBuffer.wrap("hello".getBytes(StandardCharsets.US_ASCII))).await();
            }
            return null;
        });
    }

    // UnixListener
    static Async<Void> acceptOne(Path socketFile) {
        return Async.of(() -> {
            try (UnixListener listener = UnixListener.bind(socketFile);
                 UnixStream client = listener.accept().await()) {
                client.writeAll(ByteBuffer.wrap("welcome".getBytes(StandardCharsets.US_ASCII))).await();
            }
            return null;
        });
    }

    @Test
    void tcpExamples_greetThroughAnEchoServer_andCountTheBytes() {
        String reply = AsyncRuntime.run(() -> {
            try (TcpListener listener = listenWithReuse(LOOPBACK).await()) {
                JoinHandle<Void> server = Weft.spawn(echoOnce(listener));
                String greeting = fetchGreeting((InetSocketAddress) listener.localAddress()).await();
                server.await();
                return greeting;
            }
        });
        assertThat(reply).isEqualTo("hello\n");
    }

    @Test
    void asyncReadAndWriteExamples_countWhatWasSent() {
        long counted = AsyncRuntime.run(() -> {
            try (TcpListener listener = TcpListener.bind(LOOPBACK).await()) {
                JoinHandle<Long> counter = Weft.spawn(Async.of(() -> {
                    try (TcpStream peer = listener.accept().await()) {
                        return countBytes(peer).await();
                    }
                }));
                try (TcpStream client = TcpStream.connect(listener.localAddress()).await()) {
                    sendGreeting(client).await();
                }
                return counter.await();
            }
        });
        assertThat(counted).isEqualTo(6);
    }

    @Test
    void udpExample_asksAndGetsAnAnswer() {
        String answer = AsyncRuntime.run(() -> {
            try (UdpSocket server = UdpSocket.bind(LOOPBACK).await();
                 UdpSocket client = UdpSocket.bind(LOOPBACK).await()) {
                Weft.spawn(Async.of(() -> {
                    ByteBuffer question = ByteBuffer.allocate(16);
                    UdpSocket.Received from = server.receiveFrom(question).await();
                    return server.sendTo(ByteBuffer.wrap("noon".getBytes(StandardCharsets.US_ASCII)), from.sender())
                            .await();
                }));
                return ask(client, server.localAddress()).await();
            }
        });
        assertThat(answer).isEqualTo("noon");
    }

    @Test
    void unixExamples_connectToTheListener() {
        Path socketFile = directory.resolve("example.sock");
        String received = AsyncRuntime.run(() -> {
            JoinHandle<Void> listener = Weft.spawn(acceptOne(socketFile));
            while (!socketFile.toFile().exists()) {
                if (listener.isFinished()) {
                    listener.await();
                }
                Weft.yieldNow().await();
            }
            try (UnixStream stream = UnixStream.connect(socketFile).await()) {
                ByteBuffer welcome = ByteBuffer.allocate(16);
                while (stream.read(welcome).await() >= 0) {
                    // until the listener's side closes
                }
                listener.await();
                return new String(welcome.array(), 0, welcome.position(), StandardCharsets.US_ASCII);
            }
        });
        assertThat(received).isEqualTo("welcome");
    }

    @Test
    void unixHelloExample_writesToAListener() {
        Path socketFile = directory.resolve("hello.sock");
        String received = AsyncRuntime.run(() -> {
            try (UnixListener listener = UnixListener.bind(socketFile)) {
                JoinHandle<Void> client = Weft.spawn(sayHello(socketFile));
                try (UnixStream peer = listener.accept().await()) {
                    ByteBuffer buffer = ByteBuffer.allocate(16);
                    while (peer.read(buffer).await() >= 0) {
                        // until the client closes
                    }
                    client.await();
                    return new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII);
                }
            }
        });
        assertThat(received).isEqualTo("hello");
    }
}
