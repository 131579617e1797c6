package dev.weft.net.tests;

import dev.weft.Async;
import dev.weft.Weft;
import dev.weft.net.UdpSocket;
import dev.weft.net.UnixListener;
import dev.weft.net.UnixStream;
import dev.weft.task.JoinHandle;
import dev.weft.test.EveryFlavor;
import dev.weft.test.RuntimeFlavor;
import dev.weft.time.Elapsed;
import dev.weft.time.Time;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import static dev.weft.net.tests.TcpEchoTest.readAll;
import static dev.weft.net.tests.TcpEchoTest.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** UDP datagrams and Unix-domain streams. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class UdpAndUnixTest {

    private static final InetSocketAddress LOOPBACK = new InetSocketAddress("127.0.0.1", 0);

    @TempDir
    Path directory;

    private static String text(ByteBuffer buffer) {
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
    }

    @EveryFlavor
    void udp_sendToAndReceiveFrom_carryDatagramsAndTheirSender(RuntimeFlavor flavor) {
        flavor.run(() -> {
            try (UdpSocket server = UdpSocket.bind(LOOPBACK).await();
                 UdpSocket client = UdpSocket.bind(LOOPBACK).await()) {
                JoinHandle<UdpSocket.Received> received = Weft.spawn(Async.of(() -> {
                    ByteBuffer buffer = ByteBuffer.allocate(64);
                    UdpSocket.Received datagram = server.receiveFrom(buffer).await();
                    server.sendTo(ByteBuffer.wrap(("re: " + text(buffer)).getBytes(StandardCharsets.UTF_8)),
                            datagram.sender()).await();
                    return datagram;
                }));
                client.sendTo(utf8("ping"), server.localAddress()).await();
                ByteBuffer reply = ByteBuffer.allocate(64);
                UdpSocket.Received answer = client.receiveFrom(reply).await();
                assertThat(text(reply)).isEqualTo("re: ping");
                assertThat(answer.length()).isEqualTo(8);
                assertThat(answer.sender()).isEqualTo(server.localAddress());
                assertThat(received.await().sender()).isEqualTo(client.localAddress());
            }
        });
    }

    @EveryFlavor
    void udp_connectedSockets_sendAndReceive_andACancelledReceiveTakesNoDatagram(RuntimeFlavor flavor) {
        flavor.run(() -> {
            try (UdpSocket a = UdpSocket.bind(LOOPBACK).await();
                 UdpSocket b = UdpSocket.bind(LOOPBACK).await()) {
                a.connect(b.localAddress()).await();
                b.connect(a.localAddress()).await();
                ByteBuffer buffer = ByteBuffer.allocate(16);
                assertThatThrownBy(() -> Time.timeout(Duration.ofMillis(10), b.receive(buffer)).await())
                        .isInstanceOf(Elapsed.class);
                assertThat(a.send(utf8("one")).await()).isEqualTo(3);
                assertThat(a.send(utf8("two")).await()).isEqualTo(3);
                assertThat(b.receive(buffer).await()).isEqualTo(3);
                assertThat(text(buffer)).isEqualTo("one");
                buffer.clear();
                b.receive(buffer).await();
                assertThat(text(buffer)).isEqualTo("two");
            }
        });
    }

    @EveryFlavor
    void unix_streamRoundTrip_withHalfClose(RuntimeFlavor flavor) {
        Path socketFile = directory.resolve("echo-" + flavor + ".sock");
        String reply = flavor.run(() -> {
            try (UnixListener listener = UnixListener.bind(socketFile)) {
                JoinHandle<Void> server = Weft.spawn(Async.of(() -> {
                    try (UnixStream peer = listener.accept().await()) {
                        String request = readAll(peer);
                        peer.writeAll(utf8(request.toUpperCase())).await();
                    }
                    return null;
                }));
                try (UnixStream client = UnixStream.connect(socketFile).await()) {
                    client.writeAll(utf8("quiet please")).await();
                    client.shutdownOutput().await();
                    String answer = readAll(client);
                    server.await();
                    return answer;
                }
            }
        });
        assertThat(reply).isEqualTo("QUIET PLEASE");
    }

    @EveryFlavor
    void unix_connectToAMissingFile_fails(RuntimeFlavor flavor) {
        Path missing = directory.resolve("nobody-" + flavor + ".sock");
        assertThatThrownBy(() -> flavor.run(() -> UnixStream.connect(missing).await()))
                .isInstanceOf(UncheckedIOException.class);
    }
}
