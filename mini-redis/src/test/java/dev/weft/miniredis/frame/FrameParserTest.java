package dev.weft.miniredis.frame;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.ByteBuffer;
import java.util.List;

import static dev.weft.miniredis.frame.Stream.ascii;
import static dev.weft.miniredis.frame.Stream.everyByte;
import static dev.weft.miniredis.frame.Stream.feedReplies;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Replies of every RESP2 kind, nested arrays, split reads, limits and malformed input. */
class FrameParserTest {

    private static List<Frame> parseAll(String bytes) {
        return feedReplies(new FrameParser(ProtocolLimits.DEFAULT), ascii(bytes));
    }

    @Test
    void everyKindOfFrame_isParsed() {
        assertThat(parseAll("+OK\r\n-ERR no\r\n:-42\r\n$5\r\nhe\r\no\r\n$0\r\n\r\n$-1\r\n*-1\r\n*0\r\n"))
                .containsExactly(Frame.OK, Frame.error("ERR no"), Frame.integer(-42), Frame.bulk("he\r\no"),
                        Frame.bulk(""), Frame.NULL_BULK, Frame.NULL_ARRAY, Frame.EMPTY_ARRAY);
    }

    @Test
    void nestedArrays_areBuiltWhole() {
        assertThat(parseAll("*3\r\n*2\r\n:1\r\n*1\r\n$1\r\na\r\n*0\r\n+x\r\n"))
                .containsExactly(Frame.array(Frame.array(Frame.integer(1), Frame.array(Frame.bulk("a"))),
                        Frame.EMPTY_ARRAY, Frame.simple("x")));
    }

    @Test
    void deepNesting_needsNoThreadStack() {
        int depth = 200_000;
        String bytes = "*1\r\n".repeat(depth) + ":7\r\n";
        Frame frame = parseAll(bytes).getFirst();
        for (int i = 0; i < depth; i++) {
            frame = ((Frame.Array) frame).elements().getFirst();
        }
        assertThat(frame).isEqualTo(Frame.integer(7));
    }

    @Test
    void everySplitOfAReplyStream_givesTheSameFrames() {
        byte[] stream = ascii("*2\r\n$3\r\nabc\r\n*2\r\n:10\r\n$-1\r\n+PONG\r\n-ERR x\r\n$4\r\n\r\n\r\n\r\n");
        List<Frame> expected = List.of(
                Frame.array(Frame.bulk("abc"), Frame.array(Frame.integer(10), Frame.NULL_BULK)),
                Frame.simple("PONG"), Frame.error("ERR x"), Frame.bulk("\r\n\r\n"));
        for (int first = 0; first <= stream.length; first++) {
            for (int second = first; second <= stream.length; second++) {
                assertThat(feedReplies(new FrameParser(ProtocolLimits.DEFAULT), stream, first, second))
                        .as("cut at %d and %d", first, second).isEqualTo(expected);
            }
        }
        assertThat(feedReplies(new FrameParser(ProtocolLimits.DEFAULT), stream, everyByte(stream))).isEqualTo(expected);
    }

    @Test
    void parse_consumesExactlyOneFrame() {
        ByteBuffer buffer = ByteBuffer.wrap(ascii("$2\r\nab\r\n:1"));
        FrameParser parser = new FrameParser(ProtocolLimits.DEFAULT);
        assertThat(parser.check(buffer)).isTrue();
        assertThat(parser.parse(buffer)).isEqualTo(Frame.bulk("ab"));
        assertThat(buffer.position()).isEqualTo(8);
        assertThat(parser.check(buffer)).isFalse();
    }

    @Test
    void limits_areCheckedFromHeaders() {
        ProtocolLimits small = new ProtocolLimits(4, 2, 16, 40);
        assertThatThrownBy(() -> new FrameParser(small).check(ByteBuffer.wrap(ascii("$5\r\n"))))
                .hasMessage("Protocol error: invalid bulk length");
        assertThatThrownBy(() -> new FrameParser(small).check(ByteBuffer.wrap(ascii("*3\r\n"))))
                .hasMessage("Protocol error: invalid multibulk length");
        assertThatThrownBy(() -> new FrameParser(small).check(ByteBuffer.wrap(ascii("*2\r\n*2\r\n*2\r\n$4\r\nabcd\r\n$4\r\nabcd\r\n$4\r\nabcd\r\n$4\r\n"))))
                .hasMessage("Protocol error: too big reply");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "!x\\r\\n                 | Protocol error, got '!' as reply type byte",
            "%1\\r\\n                 | Protocol error, got '%' as reply type byte",
            ":1.5\\r\\n               | Protocol error: invalid integer",
            ":\\r\\n                  | Protocol error: invalid integer",
            "$-2\\r\\n                | Protocol error: invalid bulk length",
            "$abc\\r\\n               | Protocol error: invalid bulk length",
            "*-2\\r\\n                | Protocol error: invalid multibulk length",
            "$1\\r\\nab\\r\\n           | Protocol error: expected CRLF after bulk data",
            "*2\\r\\n$1\\r\\naXY$1\\r\\n  | Protocol error: expected CRLF after bulk data",
            "+OK\\rX                | Protocol error: expected LF after CR",
            "+O\\nK\\r\\n              | Protocol error: line feed in a simple string or error",
    })
    void malformedReply_isAProtocolError(String reply, String message) {
        byte[] bytes = ascii(reply.replace("\\r", "\r").replace("\\n", "\n"));
        Stream.assertProtocolError(bytes, message, cuts -> feedReplies(new FrameParser(ProtocolLimits.DEFAULT), bytes, cuts));
    }

    @Test
    void textIsUtf8() {
        assertThat(parseAll("+caf\u00c3\u00a9\r\n")).containsExactly(Frame.simple("caf\u00e9"));
    }
}
