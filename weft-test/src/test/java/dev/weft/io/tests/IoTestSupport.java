package dev.weft.io.tests;

import dev.weft.Async;
import dev.weft.io.AsyncRead;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.SplittableRandom;

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

    /** {@code text} in UTF-8. */
    public static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The parts one after the other. */
    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        return all.toByteArray();
    }

    /** {@code bytes} decoded as UTF-8, or empty if they are not valid UTF-8. */
    public static Optional<String> strictUtf8(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** The index of the first {@code value} in {@code input} at or after {@code from}, or -1. */
    public static int indexOf(byte[] input, byte value, int from) {
        for (int i = from; i < input.length; i++) {
            if (input[i] == value) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Up to 40 characters drawn from letters, newlines, carriage returns and multi-byte characters, in
     * UTF-8; with {@code corrupt}, one byte in four inputs is replaced by an invalid one.
     */
    public static byte[] randomLineText(SplittableRandom random, boolean corrupt) {
        String alphabet = "ab\r\n\né𝄞";
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(40); i > 0; i--) {
            text.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0, random.nextInt(7))));
        }
        byte[] bytes = bytes(text.toString());
        if (corrupt && bytes.length > 0 && random.nextInt(4) == 0) {
            bytes[random.nextInt(bytes.length)] = (byte) 0xFF;
        }
        return bytes;
    }
}
