package dev.weft.io.tests;

import dev.weft.Async;
import dev.weft.Weft;
import dev.weft.io.AsyncRead;
import dev.weft.io.AsyncWrite;
import dev.weft.io.BufReader;
import dev.weft.io.BufWriter;
import dev.weft.io.Pipe;
import dev.weft.task.JoinHandle;
import dev.weft.test.AsyncTest;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Large transfers through the pipe arrive whole and in order, checked by SHA-256. */
class PipeTransferTest {

    private static final long SIXTY_FOUR_MIB = 64L << 20;

    @AsyncTest(everyFlavor = true, timeoutMillis = 60_000)
    void transferOf64MiB_inChunksOfRandomSizes_arrivesWithTheSameDigest() {
        long seed = 0x5EED_64L;
        Pipe pipe = Pipe.duplex(64 * 1024);
        JoinHandle<String> sent = Weft.spawn(send(pipe.client(), SIXTY_FOUR_MIB, seed));
        Digested received = receive(pipe.server(), seed).await();

        assertThat(received.bytes()).as("seed %d", seed).isEqualTo(SIXTY_FOUR_MIB);
        assertThat(received.digest()).as("seed %d", seed).isEqualTo(sent.await());
    }

    @AsyncTest(everyFlavor = true, timeoutMillis = 60_000)
    void transferOf64MiB_throughABufWriterAndABufReader_arrivesWithTheSameDigest() {
        long seed = 0xB0FFE7L;
        Pipe pipe = Pipe.duplex(16 * 1024);
        BufWriter writer = new BufWriter(pipe.client());
        JoinHandle<String> sent = Weft.spawn(send(writer, SIXTY_FOUR_MIB, seed));
        Digested received = receive(new BufReader(pipe.server()), seed + 1).await();

        assertThat(received.bytes()).as("seed %d", seed).isEqualTo(SIXTY_FOUR_MIB);
        assertThat(received.digest()).as("seed %d", seed).isEqualTo(sent.await());
    }

    /** Writes {@code total} pseudo-random bytes in writes of 1 byte to 32 KiB, shuts down; returns the digest. */
    private static Async<String> send(AsyncWrite sink, long total, long seed) {
        return Async.of(() -> {
            SplittableRandom random = new SplittableRandom(seed);
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] data = new byte[1 << 20];
            random.nextBytes(data);
            for (long left = total; left > 0; ) {
                int n = (int) Math.min(left, 1 + random.nextInt(random.nextBoolean() ? 64 : 32 * 1024));
                int offset = random.nextInt(data.length - n + 1);
                digest.update(data, offset, n);
                sink.writeAll(ByteBuffer.wrap(data, offset, n)).await();
                left -= n;
            }
            sink.shutdownOutput().await();
            return HexFormat.of().formatHex(digest.digest());
        });
    }

    private record Digested(long bytes, String digest) {
    }

    /** Reads to the end with reads of 1 byte to 32 KiB; the count and the digest. */
    private static Async<Digested> receive(AsyncRead source, long seed) {
        return Async.of(() -> {
            SplittableRandom random = new SplittableRandom(seed);
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            ByteBuffer buffer = ByteBuffer.allocate(32 * 1024);
            long bytes = 0;
            while (true) {
                buffer.clear().limit(1 + random.nextInt(random.nextBoolean() ? 64 : buffer.capacity()));
                int n = source.read(buffer).await();
                if (n < 0) {
                    return new Digested(bytes, HexFormat.of().formatHex(digest.digest()));
                }
                digest.update(buffer.array(), 0, n);
                bytes += n;
            }
        });
    }
}
