package dev.weft.io.tests;

import dev.weft.Async;
import dev.weft.io.AsyncRead;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * An {@link AsyncRead} that delivers fixed chunks of bytes, one chunk (or as much of it as fits) per
 * read, then the end of the stream: a source whose read boundaries a test chooses exactly.
 */
public final class ChunkedSource implements AsyncRead {

    private final List<ByteBuffer> chunks = new ArrayList<>();
    private int reads;

    /** A source delivering {@code input} cut before each index in {@code cuts} (ascending, within the input). */
    public ChunkedSource(byte[] input, int... cuts) {
        int start = 0;
        for (int cut : cuts) {
            chunks.add(ByteBuffer.wrap(input, start, cut - start));
            start = cut;
        }
        chunks.add(ByteBuffer.wrap(input, start, input.length - start));
        chunks.removeIf(chunk -> !chunk.hasRemaining());
    }

    /** How many reads returned bytes or the end of the stream. */
    public int reads() {
        return reads;
    }

    @Override
    public Async<Integer> read(ByteBuffer dst) {
        return Async.of(() -> {
            if (!dst.hasRemaining()) {
                return 0;
            }
            reads++;
            if (chunks.isEmpty()) {
                return -1;
            }
            ByteBuffer chunk = chunks.getFirst();
            int n = Math.min(chunk.remaining(), dst.remaining());
            dst.put(chunk.slice(chunk.position(), n));
            chunk.position(chunk.position() + n);
            if (!chunk.hasRemaining()) {
                chunks.removeFirst();
            }
            return n;
        });
    }
}
