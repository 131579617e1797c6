package dev.weft.bench.echo;

import dev.weft.Async;
import dev.weft.Weft;
import dev.weft.net.TcpListener;
import dev.weft.net.TcpSocket;
import dev.weft.net.TcpStream;
import dev.weft.runtime.AsyncRuntime;

import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * The Weft echo server: a multi-thread runtime with its default of one worker per core, a listener
 * ({@code TCP_NODELAY} on every accepted stream), a task that accepts, and a task per connection that
 * reads into a direct buffer of its own and writes back what it read.
 */
final class WeftEchoServer implements EchoServer {

    private final AsyncRuntime runtime;
    private final TcpListener listener;

    /**
     * Binds to {@code address} (port 0 for any) and starts accepting.
     *
     * @throws IllegalStateException if Weft is not scheduling its own tasks (java.lang is not open to it)
     */
    WeftEchoServer(InetSocketAddress address) {
        runtime = AsyncRuntime.builder().multiThread().build();
        if (!runtime.ownsScheduling()) {
            runtime.close();
            throw new IllegalStateException("Weft is not scheduling its own tasks; start the JVM with"
                    + " --add-opens java.base/java.lang=ALL-UNNAMED (bin/bench does)");
        }
        try {
            listener = runtime.blockOn(Async.of(
                    () -> new TcpSocket().setReuseAddress(true).setNoDelay(true).bind(address).listen(BACKLOG)));
        } catch (RuntimeException e) {
            runtime.close();
            throw e;
        }
        runtime.spawn(accept(listener));
    }

    @Override
    public InetSocketAddress address() {
        return (InetSocketAddress) listener.localAddress();
    }

    /** Shuts the runtime down, which cancels the accepting task and every connection's, then closes the listener. */
    @Override
    public void close() {
        try {
            runtime.close();
        } finally {
            listener.close();
        }
    }

    private static Async<Void> accept(TcpListener listener) {
        return Async.run(() -> {
            while (true) {
                Weft.spawn(echo(listener.accept().await()));
            }
        });
    }

    private static Async<Void> echo(TcpStream connection) {
        return Async.run(() -> {
            try (connection) {
                ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_BYTES);
                while (connection.read(buffer.clear()).await() != -1) {
                    connection.writeAll(buffer.flip()).await();
                }
            } catch (UncheckedIOException e) {
                // Reset by the client: this connection ends.
            }
        });
    }
}
