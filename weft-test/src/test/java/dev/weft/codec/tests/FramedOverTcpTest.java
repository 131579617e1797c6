package dev.weft.codec.tests;

import dev.weft.Async;
import dev.weft.Weft;
import dev.weft.codec.Framed;
import dev.weft.codec.FramedRead;
import dev.weft.codec.LengthDelimitedCodec;
import dev.weft.codec.LinesCodec;
import dev.weft.io.AsyncIo;
import dev.weft.net.TcpListener;
import dev.weft.net.TcpStream;
import dev.weft.task.JoinHandle;
import dev.weft.test.AsyncTest;
import dev.weft.time.Elapsed;
import dev.weft.time.Time;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;

import static dev.weft.io.tests.IoTestSupport.readText;
import static dev.weft.io.tests.IoTestSupport.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The codecs and copyBidirectional over real loopback TCP connections, on every flavour. */
class FramedOverTcpTest {

    private static final InetSocketAddress ANY_LOOPBACK_PORT = new InetSocketAddress("127.0.0.1", 0);

    @AsyncTest(everyFlavor = true, timeoutMillis = 30_000)
    void linesExchangedOverTcp_withAFramedAtEachEnd() {
        try (TcpListener listener = TcpListener.bind(ANY_LOOPBACK_PORT).await()) {
            JoinHandle<Integer> server = Weft.spawn(Async.of(() -> {
                try (TcpStream connection = listener.accept().await()) {
                    Framed<String, String> lines = new Framed<>(connection, new LinesCodec(1024));
                    int answered = 0;
                    for (Optional<String> line; (line = lines.next().await()).isPresent(); answered++) {
                        lines.send(line.get().length() + " " + line.get()).await();
                    }
                    return answered;
                }
            }));
            try (TcpStream connection = TcpStream.connect(listener.localAddress()).await()) {
                Framed<String, String> lines = new Framed<>(connection, new LinesCodec(1024));
                lines.send("hello").await();
                assertThat(lines.next().await()).contains("5 hello");
                lines.send("é").await();
                assertThat(lines.next().await()).contains("1 é");
                lines.shutdownOutput().await();
                assertThat(lines.next().await()).isEmpty();
            }
            assertThat(server.await()).isEqualTo(2);
        }
    }

    @AsyncTest(everyFlavor = true, timeoutMillis = 30_000)
    void aFrameReadCancelledHalfWay_overTcp_isReturnedWholeByTheNextRead() {
        try (TcpListener listener = TcpListener.bind(ANY_LOOPBACK_PORT).await();
             TcpStream client = TcpStream.connect(listener.localAddress()).await();
             TcpStream server = listener.accept().await()) {
            FramedRead<ByteBuffer> frames = new FramedRead<>(server, new LengthDelimitedCodec());
            client.writeAll(ByteBuffer.wrap(new byte[] {0, 0, 0, 4, 'a', 'b'})).await();

            assertThatThrownBy(() -> Time.timeout(Duration.ofMillis(50), frames.next()).await())
                    .isInstanceOf(Elapsed.class);

            client.writeAll(utf8("cd")).await();
            assertThat(frames.next().await()).contains(utf8("abcd"));
        }
    }

    @AsyncTest(everyFlavor = true, timeoutMillis = 30_000)
    void copyBidirectional_proxiesATcpConnection_andPassesTheHalfCloseOn() {
        try (TcpListener backend = TcpListener.bind(ANY_LOOPBACK_PORT).await();
             TcpListener front = TcpListener.bind(ANY_LOOPBACK_PORT).await()) {
            JoinHandle<Void> echo = Weft.spawn(Async.of(() -> {
                try (TcpStream connection = backend.accept().await()) {
                    AsyncIo.copy(connection, connection).await();
                    connection.shutdownOutput().await();
                }
                return null;
            }));
            JoinHandle<AsyncIo.CopyCounts> proxy = Weft.spawn(Async.of(() -> {
                try (TcpStream inbound = front.accept().await();
                     TcpStream outbound = TcpStream.connect(backend.localAddress()).await()) {
                    return AsyncIo.copyBidirectional(inbound, outbound).await();
                }
            }));

            try (TcpStream client = TcpStream.connect(front.localAddress()).await()) {
                String request = "through the proxy ".repeat(1000);
                JoinHandle<String> reply = Weft.spawn(readText(client));
                client.writeAll(utf8(request)).await();
                client.shutdownOutput().await();

                assertThat(reply.await()).isEqualTo(request);
                assertThat(proxy.await()).isEqualTo(new AsyncIo.CopyCounts(request.length(), request.length()));
            }
            echo.await();
        }
    }
}
