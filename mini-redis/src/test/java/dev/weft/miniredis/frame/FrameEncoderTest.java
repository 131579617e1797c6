package dev.weft.miniredis.frame;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static dev.weft.miniredis.frame.Stream.ascii;
import static dev.weft.miniredis.frame.Stream.feedReplies;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Exact bytes of every frame kind, buffer growth and release, and round trips through the parser. */
class FrameEncoderTest {

    private static String encoded(Frame... frames) {
        FrameEncoder encoder = new FrameEncoder();
        for (Frame frame : frames) {
            encoder.encode(frame);
        }
        return new String(encoder.toByteArray(), java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    @Test
    void everyKind_hasItsExactBytes() {
        assertThat(encoded(Frame.OK, Frame.error("ERR x"), Frame.integer(0), Frame.integer(-7), Frame.bulk("ab"),
                Frame.bulk(""), Frame.NULL_BULK, Frame.NULL_ARRAY, Frame.EMPTY_ARRAY))
                .isEqualTo("+OK\r\n-ERR x\r\n:0\r\n:-7\r\n$2\r\nab\r\n$0\r\n\r\n$-1\r\n*-1\r\n*0\r\n");
    }

    @Test
    void extremeIntegers_areWrittenExactly() {
        assertThat(encoded(Frame.integer(Long.MIN_VALUE), Frame.integer(Long.MAX_VALUE), Frame.integer(10)))
                .isEqualTo(":-9223372036854775808\r\n:9223372036854775807\r\n:10\r\n");
    }

    @Test
    void nestedArrays_areWrittenDepthFirst() {
        assertThat(encoded(Frame.array(Frame.command("a"), Frame.integer(1))))
                .isEqualTo("*2\r\n*1\r\n$1\r\na\r\n:1\r\n");
    }

    @Test
    void nonAsciiText_isUtf8() {
        assertThat(encoded(Frame.simple("caf\u00e9 ok"))).isEqualTo("+caf\u00c3\u00a9 ok\r\n");
    }

    @Test
    void lineBreaksInText_areRefused() {
        FrameEncoder encoder = new FrameEncoder();
        assertThatThrownBy(() -> encoder.writeSimple("a\r\nb")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> encoder.writeError("\u00e9\n")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Frame.error("a\nb")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void buffer_growsForLargeBulks_andIsReleasedByClear() {
        FrameEncoder encoder = new FrameEncoder();
        byte[] large = new byte[1_000_000];
        large[999_999] = 7;
        encoder.writeBulk(large);
        assertThat(encoder.size()).isEqualTo(10 + 1_000_000 + 2);
        ByteBuffer readable = encoder.readable();
        assertThat(readable.get(10 + 999_999)).isEqualTo((byte) 7);
        encoder.clear();
        assertThat(encoder.size()).isZero();
        encoder.encode(Frame.OK);
        assertThat(encoder.toByteArray()).isEqualTo(ascii("+OK\r\n"));
    }

    @RepeatedTest(20)
    void randomFrames_roundTripThroughTheParser(RepetitionInfo repetition) {
        long seed = 0x5eed_0000L + repetition.getCurrentRepetition();
        SplittableRandom random = new SplittableRandom(seed);
        List<Frame> frames = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            frames.add(RandomFrames.reply(random, 4));
        }
        FrameEncoder encoder = new FrameEncoder();
        frames.forEach(encoder::encode);
        byte[] bytes = encoder.toByteArray();
        int[] cuts = RandomFrames.cuts(random, bytes.length);
        assertThat(feedReplies(new FrameParser(ProtocolLimits.DEFAULT), bytes, cuts)).as("seed %d", seed).isEqualTo(frames);
    }
}
