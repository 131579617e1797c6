package dev.weft.miniredis.server;

import dev.weft.miniredis.frame.ProtocolLimits;
import dev.weft.runtime.AsyncRuntime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several clients at once send thousands of random and mutated requests (seeded, so a failure replays):
 * the server never fails a task, ends every one of those connections, and answers a well-behaved client
 * correctly all along.
 */
@Timeout(120)
class ServerFuzzTest {

    private static final long SEED = 0x6d69_6e69_7265_6469L;
    private static final int FUZZ_CLIENTS = 4;
    private static final int CONNECTIONS_PER_CLIENT = 30;
    private static final int REQUESTS_PER_CONNECTION = 25;
    private static final AtomicInteger PROTOCOL_ERRORS = new AtomicInteger();
    private static final AtomicInteger COMMANDS_EXECUTED = new AtomicInteger();
    private static final ProtocolLimits SMALL_LIMITS = new ProtocolLimits(4096, 64, 1024, 256 * 1024);

    @Test
    void randomAndMutatedRequests_neverCrashOrLeak_andAWellBehavedClientIsServedThroughout() throws InterruptedException {
        Queue<String> failures = new ConcurrentLinkedQueue<>();
        AsyncRuntime runtime = AsyncRuntime.builder()
                .unhandledFailureHandler((task, failure) -> failures.add(task + ": " + failure))
                .build();
        try {
            MiniRedisServer server = MiniRedisServer.start(TestServers.config().limits(SMALL_LIMITS).build(), runtime);
            AtomicBoolean fuzzing = new AtomicBoolean(true);
            int[] wellBehavedCalls = new int[1];
            try (RawClient wellBehaved = new RawClient(server.port())) {
                Thread served = start(failures, () -> {
                    String counter = "well-behaved:" + SEED;
                    for (int i = 1; fuzzing.get() || i < 100; i++) {
                        assertThat(wellBehaved.call("INCR", counter)).isEqualTo(":" + i + "\r\n");
                        assertThat(wellBehaved.call("PING")).isEqualTo("+PONG\r\n");
                        wellBehavedCalls[0] = i;
                    }
                });
                List<Thread> fuzzers = new ArrayList<>();
                for (int c = 0; c < FUZZ_CLIENTS; c++) {
                    long clientSeed = SEED + c;
                    fuzzers.add(start(failures, () -> fuzz(server.port(), clientSeed)));
                }
                for (Thread fuzzer : fuzzers) {
                    fuzzer.join();
                }
                fuzzing.set(false);
                served.join();
                assertThat(wellBehavedCalls[0]).isGreaterThanOrEqualTo(99);
                assertThat(PROTOCOL_ERRORS.get()).as("connections ended by a protocol error").isGreaterThan(10);
                assertThat(COMMANDS_EXECUTED.get()).as("connections that executed commands").isGreaterThan(10);
                assertThat(wellBehaved.call("GET", "well-behaved:" + SEED)).isEqualTo(
                        "$" + Integer.toString(wellBehavedCalls[0]).length() + "\r\n" + wellBehavedCalls[0] + "\r\n");
                TestServers.awaitCondition("only the well-behaved client is still connected (seed " + SEED + ")",
                        () -> server.connectionCount() == 1);
            }
            TestServers.awaitCondition("no connection is left", () -> server.connectionCount() == 0);
            assertThat(runtime.blockOn(server.shutdown())).isTrue();
        } finally {
            runtime.close();
        }
        assertThat(failures).as("tasks and client threads that failed (seed %d)", SEED).isEmpty();
    }

    /** Starts {@code body} on a thread of its own; what it throws is added to {@code failures}. */
    private static Thread start(Queue<String> failures, Runnable body) {
        return Thread.ofPlatform().start(() -> {
            try {
                body.run();
            } catch (Throwable failed) {
                failures.add(Thread.currentThread() + ": " + failed);
            }
        });
    }

    /**
     * Opens connections one after another; on each sends random requests in random pieces, then either
     * half-closes and reads until the server closes, or resets the connection without reading.
     */
    private static void fuzz(int port, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        FuzzRequests requests = new FuzzRequests(random);
        for (int connection = 0; connection < CONNECTIONS_PER_CLIENT; connection++) {
            ByteArrayOutputStream sent = new ByteArrayOutputStream();
            for (int i = 0; i < REQUESTS_PER_CONNECTION; i++) {
                sent.writeBytes(requests.next());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port));
                socket.setSoTimeout(RawClient.READ_TIMEOUT_MILLIS);
                writeInPieces(socket, sent.toByteArray(), random);
                if (random.nextInt(5) == 0) {
                    socket.setSoLinger(true, 0);
                } else {
                    socket.shutdownOutput();
                    drain(socket);
                }
            } catch (IOException e) {
                if (!isReset(e)) {
                    throw new UncheckedIOException("seed " + seed + ", connection " + connection, e);
                }
            }
        }
    }

    private static void writeInPieces(Socket socket, byte[] bytes, SplittableRandom random) throws IOException {
        int at = 0;
        while (at < bytes.length) {
            int length = Math.min(bytes.length - at, 1 + random.nextInt(512));
            socket.getOutputStream().write(bytes, at, length);
            at += length;
        }
    }

    /**
     * Reads until the end of the stream (the server must close every connection it was sent a FIN on)
     * and counts the kinds of endings: the replies to mutated requests are not predictable, but the fuzz
     * must reach both the protocol errors and the commands.
     */
    private static void drain(Socket socket) throws IOException {
        ByteArrayOutputStream replies = new ByteArrayOutputStream();
        socket.getInputStream().transferTo(replies);
        String text = replies.toString(StandardCharsets.ISO_8859_1);
        if (text.contains("-ERR Protocol error")) {
            PROTOCOL_ERRORS.incrementAndGet();
        }
        if (text.contains("+OK\r\n") || text.contains("*3\r\n$9\r\nsubscribe\r\n")) {
            COMMANDS_EXECUTED.incrementAndGet();
        }
    }

    /** The server closed first (after a protocol error) while requests were still being sent: a reset. */
    private static boolean isReset(IOException e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("reset") || message.contains("Broken pipe");
    }
}
