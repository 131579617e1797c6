package dev.weft.net.tests;

import dev.weft.Async;
import dev.weft.Weft;
import dev.weft.net.TcpListener;
import dev.weft.net.TcpStream;
import dev.weft.task.JoinHandle;
import dev.weft.test.EveryFlavor;
import dev.weft.test.RuntimeFlavor;
import org.junit.jupiter.api.Timeout;

import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static dev.weft.net.tests.TcpEchoTest.ANY_LOOPBACK_PORT;
import static dev.weft.net.tests.TcpEchoTest.echoServer;
import static org.assertj.core.api.Assertions.assertThat;

/** Many connections at once, and a large transfer, over loopback. */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TcpLoadTest {

    private static final int CONNECTIONS = 1_000;
    private static final int ROUNDS = 5;

    /** One client: ROUNDS messages of 100 bytes, each read back in full before the next is sent. */
    private static Async<Integer> client(SocketAddress server, int id) {
        return Async.of(() -> {
            try (TcpStream stream = TcpStream.connect(server).await()) {
                byte[] message = new byte[100];
                new SplittableRandom(id).nextBytes(message);
                int matched = 0;
                for (int round = 0; round < ROUNDS; round++) {
                    stream.writeAll(ByteBuffer.wrap(message)).await();
                    ByteBuffer echoed = ByteBuffer.allocate(message.length);
                    stream.readExact(echoed).await();
                    if (Arrays.equals(echoed.array(), message)) {
                        matched++;
                    }
                }
                stream.shutdownOutput().await();
                return matched;
            }
        });
    }

    @EveryFlavor
    void thousandConcurrentConnections_allGetTheirOwnBytesBack(RuntimeFlavor flavor) {
        int matched = flavor.run(() -> {
            try (TcpListener listener = TcpListener.bind(ANY_LOOPBACK_PORT).await()) {
                JoinHandle<Void> server = Weft.spawn(echoServer(listener, CONNECTIONS));
                SocketAddress address = listener.localAddress();
                List<JoinHandle<Integer>> clients = new ArrayList<>();
                for (int i = 0; i < CONNECTIONS; i++) {
                    clients.add(Weft.spawn(client(address, i)));
                }
                int total = 0;
                for (JoinHandle<Integer> client : clients) {
                    total += client.await();
                }
                server.await();
                return total;
            }
        });
        assertThat(matched).isEqualTo(CONNECTIONS * ROUNDS);
    }

    @EveryFlavor
    void transferOf64MiB_arrivesIntact(RuntimeFlavor flavor) {
        int size = 64 << 20;
        byte[][] digests = flavor.run(() -> {
            try (TcpListener listener = TcpListener.bind(ANY_LOOPBACK_PORT).await()) {
                JoinHandle<byte[]> receiver = Weft.spawn(Async.of(() -> {
                    MessageDigest digest = MessageDigest.getInstance("SHA-256");
                    try (TcpStream peer = listener.accept().await()) {
                        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
                        while (peer.read(buffer.clear()).await() >= 0) {
                            digest.update(buffer.flip());
                        }
                    }
                    return digest.digest();
                }));
                MessageDigest sent = MessageDigest.getInstance("SHA-256");
                try (TcpStream stream = TcpStream.connect(listener.localAddress()).await()) {
                    SplittableRandom random = new SplittableRandom(64);
                    byte[] chunk = new byte[256 * 1024];
                    for (int written = 0; written < size; written += chunk.length) {
                        random.nextBytes(chunk);
                        sent.update(chunk);
                        stream.writeAll(ByteBuffer.wrap(chunk)).await();
                    }
                }
                return new byte[][] {sent.digest(), receiver.await()};
            }
        });
        assertThat(digests[1]).isEqualTo(digests[0]);
    }
}
