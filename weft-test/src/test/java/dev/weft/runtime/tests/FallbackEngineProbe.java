package dev.weft.runtime.tests;

import dev.weft.Async;
import dev.weft.Weft;
import dev.weft.net.TcpListener;
import dev.weft.net.TcpStream;
import dev.weft.runtime.AsyncRuntime;
import dev.weft.task.JoinHandle;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * Run by {@link FallbackEngineTest} in a child JVM, with or without {@code --add-opens}: builds two
 * multi-thread runtimes (the fallback warning must appear once per JVM, not per runtime), runs tasks and
 * a TCP round trip (the I/O driver) on each, then tries to build a current-thread runtime. Prints one line per step on standard output.
 */
public final class FallbackEngineProbe {

    private FallbackEngineProbe() {
    }

    /** One byte sent to a listener and read back by the accepted side: exercises the I/O driver. */
    private static Async<Integer> tcpRoundTrip() {
        return Async.of(() -> {
            try (TcpListener listener = TcpListener.bind(new InetSocketAddress("127.0.0.1", 0)).await()) {
                JoinHandle<Integer> server = Weft.spawn(Async.of(() -> {
                    try (TcpStream peer = listener.accept().await()) {
                        ByteBuffer received = ByteBuffer.allocate(1);
                        peer.readExact(received).await();
                        return (int) received.get(0);
                    }
                }));
                try (TcpStream client = TcpStream.connect(listener.localAddress()).await()) {
                    client.writeAll(ByteBuffer.wrap(new byte[] {42})).await();
                }
                return server.await();
            }
        });
    }

    public static void main(String[] args) {
        for (int round = 0; round < 2; round++) {
            try (AsyncRuntime runtime = AsyncRuntime.builder().multiThread().workerThreads(2).build()) {
                int sum = runtime.blockOn(Async.of(() -> {
                    JoinHandle<Integer> left = Weft.spawn(Async.of(() -> 20));
                    JoinHandle<Integer> right = Weft.spawn(Async.of(() -> 22));
                    return left.await() + right.await();
                }));
                System.out.println("multi-thread: ownsScheduling=" + runtime.ownsScheduling() + " sum=" + sum
                        + " tcp=" + runtime.blockOn(tcpRoundTrip()));
            }
        }
        try (AsyncRuntime runtime = AsyncRuntime.builder().currentThread().build()) {
            System.out.println("current-thread: built, ownsScheduling=" + runtime.ownsScheduling());
        } catch (UnsupportedOperationException refused) {
            System.out.println("current-thread: refused: " + refused.getMessage());
        }
    }
}
