package dev.weft.miniredis.client;

import dev.weft.miniredis.frame.Frame;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A {@code redis-server} process started by a test: {@code redis-server --port p --save '' --appendonly no}
 * on 127.0.0.1, on a port that was free a moment before (retried with another port if it was taken in
 * between). Stopped with SIGTERM, then killed if it lingers.
 */
final class RedisServerProcess implements TestServer {

    private static final String EXECUTABLE = "redis-server";
    private static final int ATTEMPTS = 5;
    private static final long READY_WITHIN_MILLIS = 10_000;
    private static Boolean installed;

    private final Process process;
    private final InetSocketAddress address;
    private final Path log;

    private RedisServerProcess(Process process, InetSocketAddress address, Path log) {
        this.process = process;
        this.address = address;
        this.log = log;
    }

    /** Starts a server, or skips the calling test when {@code redis-server} is not installed. */
    static TestServer start() {
        Assumptions.assumeTrue(installed(), "redis-server is not installed: install Redis 7 (Debian: apt-get install"
                + " redis-server redis-tools; .ci/run does it) to run the client tests against it");
        String failures = "";
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            RedisServerProcess server = launch(LoopbackPorts.unused());
            if (server.awaitReady()) {
                return server;
            }
            failures += "\n--- attempt " + (attempt + 1) + ":\n" + server.logText();
            server.close();
        }
        throw new IllegalStateException("redis-server did not start in " + ATTEMPTS + " attempts:" + failures);
    }

    private static synchronized boolean installed() {
        if (installed == null) {
            try {
                Process version = new ProcessBuilder(EXECUTABLE, "--version").redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                installed = version.waitFor(10, TimeUnit.SECONDS) && version.exitValue() == 0;
            } catch (IOException notFound) {
                installed = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return installed;
    }

    private static RedisServerProcess launch(int port) {
        try {
            Path log = Files.createTempFile("redis-server-" + port + "-", ".log");
            Process process = new ProcessBuilder(EXECUTABLE, "--port", Integer.toString(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no", "--dir", log.getParent().toString())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            return new RedisServerProcess(process, new InetSocketAddress("127.0.0.1", port), log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the server answers PING, or has exited (a port taken in between), within a bound. */
    private boolean awaitReady() {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(READY_WITHIN_MILLIS);
        while (process.isAlive() && System.nanoTime() < deadline) {
            try (RawConnection connection = new RawConnection(address)) {
                if (connection.command("PING").equals(Frame.simple("PONG"))) {
                    return true;
                }
            } catch (UncheckedIOException notYet) {
                sleepBriefly();
            }
        }
        return false;
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String logText() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    @Override
    public InetSocketAddress address() {
        return address;
    }

    @Override
    public void close() {
        try {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            Files.deleteIfExists(log);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } catch (IOException ignored) {
            // A temporary log left behind is harmless.
        }
    }

    @Override
    public String toString() {
        return "redis-server on " + address;
    }
}
