package dev.weft.net.tests;

import dev.weft.Async;
import dev.weft.Weft;
import dev.weft.net.SplitStream;
import dev.weft.net.TcpListener;
import dev.weft.net.TcpSocket;
import dev.weft.net.TcpStream;
import dev.weft.runtime.AsyncRuntime;
import dev.weft.runtime.RuntimeShutdownException;
import dev.weft.task.CancelledException;
import dev.weft.task.JoinHandle;
import dev.weft.test.EveryFlavor;
import dev.weft.test.RuntimeFlavor;
import dev.weft.time.Elapsed;
import dev.weft.time.Time;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static dev.weft.net.tests.TcpEchoTest.ANY_LOOPBACK_PORT;
import static dev.weft.net.tests.TcpEchoTest.readAll;
import static dev.weft.net.tests.TcpEchoTest.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What cancelling, closing, resetting and shutting down do to waiting socket operations. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TcpCancellationTest {

    /** A connected pair: the accepted server side and the client side. */
    private record Pair(TcpStream server, TcpStream client) implements AutoCloseable {
        static Pair open(TcpListener listener) {
            JoinHandle<TcpStream> accepted = Weft.spawn(listener.accept());
            TcpStream client = TcpStream.connect(listener.localAddress()).await();
            return new Pair(accepted.await(), client);
        }

        @Override
        public void close() {
            server.close();
            client.close();
        }
    }

    private static String text(ByteBuffer buffer) {
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
    }

    @EveryFlavor
    void readCancelledByTimeout_losesNothing_andTheNextReadGetsTheData(RuntimeFlavor flavor) {
        String received = flavor.run(() -> {
            try (TcpListener listener = TcpListener.bind(ANY_LOOPBACK_PORT).await();
                 Pair pair = Pair.open(listener)) {
                ByteBuffer buffer = ByteBuffer.allocate(64);
                assertThatThrownBy(() -> Time.timeout(Duration.ofMillis(20), pair.client().read(buffer)).await())
                        .isInstanceOf(Elapsed.class);
                assertThat(buffer.position()).isZero();
                pair.server().writeAll(utf8("after the timeout")).await();
                pair.server().shutdownOutput().await();
                while (pair.client().read(buffer).await() >= 0) {
                    assertThat(buffer.hasRemaining()).isTrue();
                }
                return text(buffer);
            }
        });
        assertThat(received).isEqualTo("after the timeout");
    }

    @EveryFlavor
    void abortedReader_leavesTheSocketOpenForTheNextReader(RuntimeFlavor flavor) {
        String received = flavor.run(() -> {
            try (TcpListener listener = TcpListener.bind(ANY_LOOPBACK_PORT).await();
                 Pair pair = Pair.open(listener)) {
                JoinHandle<Integer> reader = Weft.spawn(pair.client().read(ByteBuffer.allocate(8)));
                Time.sleep(Duration.ofMillis(10)).await();
                reader.abort();
                assertThatThrownBy(reader::await).isInstanceOf(CancelledException.class);
                pair.server().writeAll(utf8("still open")).await();
                pair.server().shutdownOutput().await();
                return readAll(pair.client());
            }
        });
        assertThat(received).isEqualTo("still open");
    }

    @EveryFlavor
    void closingTheStream_wakesAReaderInAnotherTask_withAClosedChannelError(RuntimeFlavor flavor) {
        Throwable failure = flavor.run(() -> {
            try (TcpListener listener = TcpListener.bind(ANY_LOOPBACK_PORT).await();
                 Pair pair = Pair.open(listener)) {
                JoinHandle<Integer> reader = Weft.spawn(pair.client().read(ByteBuffer.allocate(8)));
                Time.sleep(Duration.ofMillis(10)).await();
                pair.client().close();
                try {
                    reader.await();
                    return null;
                } catch (UncheckedIOException e) {
                    return e.getCause();
                }
            }
        });
        assertThat(failure).isInstanceOf(ClosedChannelException.class);
    }

    @EveryFlavor
    void peerReset_failsTheReadWithConnectionReset(RuntimeFlavor flavor) {
        assertThatThrownBy(() -> flavor.run(() -> {
            try (TcpListener listener = TcpListener.bind(ANY_LOOPBACK_PORT).await()) {
                JoinHandle<Void> resetter = Weft.spawn(Async.of(() -> {
                    TcpStream peer = listener.accept().await();
                    peer.read(ByteBuffer.allocate(4)).await();
                    abortiveClose(peer);
                    return null;
                }));
                try (TcpStream client = TcpStream.connect(listener.localAddress()).await()) {
                    client.writeAll(utf8("hi")).await();
                    resetter.await();
                    return client.read(ByteBuffer.allocate(8)).await();
                }
            }
        })).isInstanceOf(UncheckedIOException.class).hasMessageContaining("reset");
    }

    /** Closes with SO_LINGER 0, which sends a RST instead of a FIN. */
    private static void abortiveClose(TcpStream stream) {
        stream.setLinger(Duration.ZERO);
        stream.close();
    }

    @EveryFlavor
    void splitHalves_readAndWriteFromTwoTasks_andClosingTheWriterHalfCloses(RuntimeFlavor flavor) {
        String echoed = flavor.run(() -> {
            try (TcpListener listener = TcpListener.bind(ANY_LOOPBACK_PORT).await()) {
                JoinHandle<Void> server = Weft.spawn(TcpEchoTest.echoServer(listener, 1));
                try (SplitStream halves = TcpStream.connect(listener.localAddress()).await().split()) {
                    JoinHandle<String> reader = Weft.spawn(Async.of(() -> {
                        ByteBuffer buffer = ByteBuffer.allocate(1024);
                        while (halves.reader().read(buffer).await() >= 0) {
                            assertThat(buffer.hasRemaining()).isTrue();
                        }
                        return text(buffer);
                    }));
                    for (int i = 0; i < 10; i++) {
                        halves.writer().writeAll(utf8("line " + i + "\n")).await();
                    }
                    halves.writer().close();
                    server.await();
                    return reader.await();
                }
            }
        });
        assertThat(echoed).startsWith("line 0\n").endsWith("line 9\n").hasLineCount(10);
    }

    @EveryFlavor
    void splitStream_refusesWholeStreamOperations(RuntimeFlavor flavor) {
        flavor.run(() -> {
            try (TcpListener listener = TcpListener.bind(ANY_LOOPBACK_PORT).await();
                 Pair pair = Pair.open(listener);
                 SplitStream ignored = pair.client().split()) {
                assertThatThrownBy(() -> pair.client().read(ByteBuffer.allocate(1)))
                        .isInstanceOf(IllegalStateException.class).hasMessageContaining("split");
                assertThatThrownBy(() -> pair.client().split()).isInstanceOf(IllegalStateException.class);
            }
        });
    }

    @EveryFlavor
    void socketOptions_areApplied(RuntimeFlavor flavor) {
        flavor.run(() -> {
            try (TcpListener listener = new TcpSocket().setReuseAddress(true).setNoDelay(true)
                    .bind(ANY_LOOPBACK_PORT).listen(16)) {
                JoinHandle<TcpStream> accepted = Weft.spawn(listener.accept());
                try (TcpStream client = new TcpSocket().setKeepAlive(true).setSendBufferSize(64 * 1024)
                        .connect(listener.localAddress()).await();
                     TcpStream server = accepted.await()) {
                    assertThat(server.noDelay()).isTrue();
                    assertThat(client.keepAlive()).isTrue();
                    client.setNoDelay(true);
                    assertThat(client.noDelay()).isTrue();
                }
            }
        });
    }

    @Test
    void runtimeShutdown_wakesAWaiterOfAnotherRuntime_withARuntimeShutdownError() {
        try (AsyncRuntime owner = AsyncRuntime.builder().multiThread().workerThreads(1).build();
             AsyncRuntime user = AsyncRuntime.builder().multiThread().workerThreads(1).build()) {
            TcpListener listener = owner.blockOn(TcpListener.bind(ANY_LOOPBACK_PORT));
            JoinHandle<TcpStream> accepted = owner.spawn(listener.accept());
            SocketChannel peer = connectBlocking(listener.localAddress());
            TcpStream stream = accepted.toCompletableFuture().join();
            JoinHandle<Integer> reader = user.spawn(stream.read(ByteBuffer.allocate(8)));
            owner.shutdown(Duration.ofSeconds(5));
            assertThatThrownBy(() -> reader.toCompletableFuture().join())
                    .hasCauseInstanceOf(RuntimeShutdownException.class);
            stream.close();
            listener.close();
            closeQuietly(peer);
        }
    }

    private static SocketChannel connectBlocking(SocketAddress address) {
        try {
            SocketChannel channel = SocketChannel.open(address);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            return channel;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // best effort in a test
        }
    }
}
