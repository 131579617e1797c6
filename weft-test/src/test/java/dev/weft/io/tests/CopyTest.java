package dev.weft.io.tests;

import dev.weft.Async;
import dev.weft.Weft;
import dev.weft.io.AsyncIo;
import dev.weft.io.BufWriter;
import dev.weft.io.DuplexStream;
import dev.weft.io.Pipe;
import dev.weft.task.JoinHandle;
import dev.weft.test.AsyncAssertions;
import dev.weft.test.AsyncTest;

import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

import static dev.weft.io.tests.IoTestSupport.readText;
import static dev.weft.io.tests.IoTestSupport.text;
import static dev.weft.io.tests.IoTestSupport.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** copy and copyBidirectional over pipes, with half-close passed through as Tokio does. */
class CopyTest {

    /** A client pipe and a server pipe joined by copyBidirectional, as a TCP proxy joins two connections. */
    private record Relay(DuplexStream client, DuplexStream server, JoinHandle<AsyncIo.CopyCounts> proxy) {
        static Relay start() {
            Pipe clientSide = Pipe.duplex(32);
            Pipe serverSide = Pipe.duplex(32);
            return new Relay(clientSide.client(), serverSide.server(),
                    Weft.spawn(AsyncIo.copyBidirectional(clientSide.server(), serverSide.client())));
        }
    }

    @AsyncTest(everyFlavor = true)
    void copy_movesEverythingUntilTheEnd_andReturnsTheCount_withoutShuttingTheWriterDown() {
        Pipe from = Pipe.duplex(16);
        Pipe to = Pipe.duplex(16);
        String payload = "0123456789".repeat(100);
        JoinHandle<Void> producer = Weft.spawn(Async.run(() -> {
            from.client().writeAll(utf8(payload)).await();
            from.client().shutdownOutput().await();
        }));
        JoinHandle<String> consumer = Weft.spawn(readText(to.server()));

        long copied = AsyncIo.copy(from.server(), to.client()).await();

        assertThat(copied).isEqualTo(1000);
        producer.await();
        AsyncAssertions.assertPending(consumer);
        to.client().shutdownOutput().await();
        assertThat(consumer.await()).isEqualTo(payload);
    }

    @AsyncTest(everyFlavor = true)
    void copy_intoABufferedWriter_flushesEachChunk_soNothingWaitsWhileTheReaderIsIdle() {
        Pipe from = Pipe.duplex(64);
        Pipe to = Pipe.duplex(64);
        JoinHandle<Long> copying = Weft.spawn(AsyncIo.copy(from.server(), new BufWriter(to.client())));

        from.client().writeAll(utf8("hello")).await();
        ByteBuffer received = ByteBuffer.allocate(5);
        to.server().readExact(received).await();

        assertThat(text(received.flip())).isEqualTo("hello");
        AsyncAssertions.assertPending(copying);
        from.client().shutdownOutput().await();
        assertThat(copying.await()).isEqualTo(5);
    }

    @AsyncTest(everyFlavor = true)
    void copyBidirectional_relaysBothWays_andPassesEachHalfCloseOn() {
        Relay relay = Relay.start();
        DuplexStream client = relay.client();
        DuplexStream server = relay.server();
        String request = "request ".repeat(20);
        String reply = "reply ".repeat(50);
        JoinHandle<String> serving = Weft.spawn(Async.of(() -> {
            String received = readText(server).await();
            server.writeAll(utf8(reply)).await();
            server.shutdownOutput().await();
            return received;
        }));

        client.writeAll(utf8(request)).await();
        client.shutdownOutput().await();

        assertThat(readText(client).await()).isEqualTo(reply);
        assertThat(serving.await()).as("the server saw the request, then the end").isEqualTo(request);
        assertThat(relay.proxy().await()).isEqualTo(new AsyncIo.CopyCounts(request.length(), reply.length()));
    }

    @AsyncTest(everyFlavor = true)
    void copyBidirectional_answersARequestSentBeforeTheClientsHalfClose() {
        Relay relay = Relay.start();
        DuplexStream client = relay.client();
        DuplexStream server = relay.server();
        JoinHandle<Void> echo = Weft.spawn(AsyncIo.copy(server, server).flatMap(echoed -> server.shutdownOutput()));

        client.writeAll(utf8("echo me")).await();
        client.shutdownOutput().await();

        assertThat(readText(client).await()).isEqualTo("echo me");
        echo.await();
        assertThat(relay.proxy().await()).isEqualTo(new AsyncIo.CopyCounts(7, 7));
    }

    @AsyncTest(everyFlavor = true)
    void copyBidirectional_failsWhenOneDirectionFails_andStopsTheOther() {
        Relay relay = Relay.start();
        relay.server().close();

        relay.client().writeAll(utf8("anyone there?")).await();

        assertThatThrownBy(relay.proxy()::await).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("broken pipe");
    }
}
