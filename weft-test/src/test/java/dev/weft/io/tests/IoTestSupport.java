package dev.weft.io.tests;

import dev.weft.Async;
import dev.weft.io.AsyncRead;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Small helpers shared by the I/O and codec tests. */
public final class IoTestSupport {

    private IoTestSupport() {
    }

    /** {@code text} in UTF-8, as a buffer ready to be written. */
    public static ByteBuffer utf8(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The remaining bytes of {@code buffer} as UTF-8 text, without moving its position. */
    public static String text(ByteBuffer buffer) {
        return StandardCharsets.UTF_8.decode(buffer.duplicate()).toString();
    }

    /** Reads {@code source} to its end with reads of {@code chunk} bytes and returns everything read. */
    public static Async<byte[]> readToEnd(AsyncRead source, int chunk) {
        return Async.of(() -> {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            ByteBuffer buffer = ByteBuffer.allocate(chunk);
            for (int n; (n = source.read(buffer.clear()).await()) >= 0; ) {
                all.write(buffer.array(), 0, n);
            }
            return all.toByteArray();
        });
    }

    /** Like {@link #readToEnd(AsyncRead, int)}, decoded as UTF-8. */
    public static Async<String> readText(AsyncRead source) {
        return readToEnd(source, 1024).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
    }
}
