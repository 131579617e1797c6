package dev.weft.io;

import dev.weft.Async;
import dev.weft.task.JoinHandle;
import dev.weft.task.TaskScope;

import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Copying between asynchronous streams: Tokio's {@code tokio::io::copy} and
 * {@code copy_bidirectional}.
 *
 * {@snippet :
 * // Relays between two connections (TCP streams, pipe ends) until both directions end.
 * static <S extends AsyncRead & AsyncWrite> Async<Long> relay(S inbound, S outbound) {
 *     return AsyncIo.copyBidirectional(inbound, outbound).map(counts -> counts.aToB() + counts.bToA());
 * }
 * }
 *
 * <h2>Cancellation</h2>
 * Neither copy is cancel-safe: bytes read but not yet written when the copy is cancelled (at most 8 KiB
 * per direction) are lost. Cancel a copy only when the streams are being given up.
 */
public final class AsyncIo {

    private static final int COPY_BUFFER_SIZE = 8 * 1024;

    private AsyncIo() {
    }

    /**
     * The byte counts of {@link #copyBidirectional}: from {@code a} to {@code b}, and back.
     *
     * @param aToB bytes read from {@code a} and written to {@code b}
     * @param bToA bytes read from {@code b} and written to {@code a}
     */
    public record CopyCounts(long aToB, long bToA) {
    }

    /**
     * Reads {@code reader} to its end, writing everything to {@code writer}, and returns the number of
     * bytes copied. The writer is flushed after each chunk, so no byte waits in a buffered writer while
     * the reader is idle; its output is not shut down.
     *
     * <h4>Cancellation</h4>
     * Not cancel-safe: bytes already read but not yet written (at most 8 KiB) are lost.
     *
     * @throws UncheckedIOException if reading or writing fails
     */
    public static Async<Long> copy(AsyncRead reader, AsyncWrite writer) {
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(writer, "writer");
        return Async.of(() -> {
            ByteBuffer chunk = ByteBuffer.allocate(COPY_BUFFER_SIZE);
            long total = 0;
            for (int n; (n = reader.read(chunk.clear()).await()) >= 0; ) {
                writer.writeAll(chunk.flip()).await();
                writer.flush().await();
                total += n;
            }
            return total;
        });
    }

    /**
     * Copies {@code a} to {@code b} and {@code b} to {@code a} at the same time, until both reach
     * their end, and returns both counts. When one direction's source ends, the destination's output
     * is shut down (so the far side sees the end of the stream too), as Tokio does; the other direction
     * carries on. Each direction runs as a child task, so {@code a} and {@code b} must allow a read and
     * a write at the same time from two tasks (sockets and pipe ends do).
     *
     * <h4>Cancellation</h4>
     * Not cancel-safe: cancelling stops both directions, and bytes in flight (at most 8 KiB each way)
     * are lost. If one direction fails, the other is cancelled and the failure is thrown.
     *
     * @throws UncheckedIOException if reading or writing fails
     */
    public static <A extends AsyncRead & AsyncWrite, B extends AsyncRead & AsyncWrite>
    Async<CopyCounts> copyBidirectional(A a, B b) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        return Async.of(() -> {
            try (TaskScope scope = TaskScope.open()) {
                JoinHandle<Long> aToB = scope.fork(copyThenShutdown(a, b));
                JoinHandle<Long> bToA = scope.fork(copyThenShutdown(b, a));
                scope.join().await();
                return new CopyCounts(aToB.await(), bToA.await());
            }
        });
    }

    private static Async<Long> copyThenShutdown(AsyncRead from, AsyncWrite to) {
        return Async.of(() -> {
            long copied = copy(from, to).await();
            to.shutdownOutput().await();
            return copied;
        });
    }
}
