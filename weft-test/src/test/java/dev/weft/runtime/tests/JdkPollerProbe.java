package dev.weft.runtime.tests;

import dev.weft.Async;
import dev.weft.runtime.AsyncRuntime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Run by {@link JdkPollerTest} in a fresh JVM (the JDK's poller is initialized once per JVM): a blocking
 * {@link Socket} read inside a task of a first runtime, which is then closed, and the same read inside a
 * task of a second runtime. Prints one line per read; "hung" if the second read does not return.
 */
public final class JdkPollerProbe {

    private JdkPollerProbe() {
    }

    /** Reads the one byte a platform thread serves on a fresh loopback server socket. */
    private static Async<Integer> blockingSocketRead() {
        return Async.of(() -> {
            try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                Thread.ofPlatform().daemon().start(() -> {
                    try (Socket peer = server.accept()) {
                        peer.getOutputStream().write(42);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                try (Socket socket = new Socket(server.getInetAddress(), server.getLocalPort());
                     InputStream in = socket.getInputStream()) {
                    return in.read();
                }
            }
        });
    }

    public static void main(String[] args) throws Exception {
        try (AsyncRuntime first = AsyncRuntime.builder().multiThread().workerThreads(1).build()) {
            System.out.println("first read=" + first.blockOn(blockingSocketRead()));
        }
        try (AsyncRuntime second = AsyncRuntime.builder().multiThread().workerThreads(1).build()) {
            CompletableFuture<Integer> read = CompletableFuture.supplyAsync(() -> second.blockOn(blockingSocketRead()),
                    Thread.ofPlatform().daemon()::start);
            try {
                System.out.println("second read=" + read.get(10, TimeUnit.SECONDS));
            } catch (TimeoutException hung) {
                System.out.println("hung");
                System.exit(1);
            }
        }
    }
}
