package dev.weft.miniredis.frame;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Feeds bytes to a parser the way a connection does: appends each chunk to a buffer, takes every complete
 * frame, compacts the rest to the front, and goes on. The buffer's capacity is exactly what is needed, so a
 * read beyond the bytes received fails with IndexOutOfBoundsException.
 */
final class Stream {

    private Stream() {
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * Adds to {@code frames} the frames of {@code bytes}, delivered in chunks ending at {@code cuts}
     * (ascending offsets); the frames parsed before a failure stay in the list.
     */
    static void feed(List<Frame> frames, byte[] bytes, int[] cuts, Predicate<ByteBuffer> check,
                     Function<ByteBuffer, Frame> parse) {
        ByteBuffer pending = ByteBuffer.allocate(0);
        int from = 0;
        for (int i = 0; i <= cuts.length; i++) {
            int to = i < cuts.length ? cuts[i] : bytes.length;
            ByteBuffer grown = ByteBuffer.allocate(pending.remaining() + (to - from));
            grown.put(pending).put(bytes, from, to - from).flip();
            pending = grown;
            from = to;
            while (check.test(pending)) {
                frames.add(parse.apply(pending));
            }
        }
    }

    static List<Frame> feedRequests(RequestParser parser, byte[] bytes, int... cuts) {
        List<Frame> frames = new ArrayList<>();
        feed(frames, bytes, cuts, parser::check, parser::parse);
        return frames;
    }

    static List<Frame> feedReplies(FrameParser parser, byte[] bytes, int... cuts) {
        List<Frame> frames = new ArrayList<>();
        feed(frames, bytes, cuts, parser::check, parser::parse);
        return frames;
    }

    /**
     * Asserts that {@code feed}, given {@code bytes} whole and then one byte at a time, fails with a
     * protocol error saying {@code message}.
     */
    static void assertProtocolError(byte[] bytes, String message, Function<int[], List<Frame>> feed) {
        assertThatThrownBy(() -> feed.apply(new int[0])).isInstanceOf(ProtocolException.class).hasMessage(message);
        assertThatThrownBy(() -> feed.apply(everyByte(bytes))).isInstanceOf(ProtocolException.class).hasMessage(message);
    }

    /** Cuts delivering {@code bytes} one byte at a time. */
    static int[] everyByte(byte[] bytes) {
        int[] cuts = new int[Math.max(0, bytes.length - 1)];
        for (int i = 0; i < cuts.length; i++) {
            cuts[i] = i + 1;
        }
        return cuts;
    }
}
