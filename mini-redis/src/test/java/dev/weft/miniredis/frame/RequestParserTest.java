package dev.weft.miniredis.frame;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

import static dev.weft.miniredis.frame.Stream.ascii;
import static dev.weft.miniredis.frame.Stream.everyByte;
import static dev.weft.miniredis.frame.Stream.feedRequests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Requests as Redis reads them: RESP arrays of bulk strings and inline commands, limits and errors. */
class RequestParserTest {

    private final RequestParser parser = new RequestParser(ProtocolLimits.DEFAULT);

    private static Frame.Array words(String... words) {
        return Frame.command(words);
    }

    private List<Frame> parseAll(String bytes) {
        return feedRequests(parser, ascii(bytes));
    }

    @Test
    void respArray_ofBulkStrings_isOneRequest() {
        assertThat(parseAll("*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$5\r\nhello\r\n")).containsExactly(words("SET", "k", "hello"));
    }

    @Test
    void bulkStrings_areBinarySafe() {
        byte[] value = {0, '\r', '\n', (byte) 0xff, '$'};
        ByteBuffer buffer = ByteBuffer.allocate(64);
        buffer.put(ascii("*2\r\n$4\r\nECHO\r\n$5\r\n")).put(value).put(ascii("\r\n")).flip();
        assertThat(parser.check(buffer)).isTrue();
        assertThat(parser.parse(buffer)).isEqualTo(Frame.array(Frame.bulk("ECHO"), Frame.bulk(value)));
    }

    @Test
    void simpleStrings_areAcceptedAsArguments() {
        assertThat(parseAll("*2\r\n+GET\r\n$1\r\nk\r\n")).containsExactly(words("GET", "k"));
    }

    @Test
    void pipelinedRequests_areParsedInOrder() {
        assertThat(parseAll("*1\r\n$4\r\nPING\r\nGET k\r\n*2\r\n$4\r\nECHO\r\n$0\r\n\r\n"))
                .containsExactly(words("PING"), words("GET", "k"), words("ECHO", ""));
    }

    @Test
    void emptyRequests_areEmptyArrays() {
        assertThat(parseAll("*0\r\n*-1\r\n*-9223372036854775808\r\n\r\n \t \r\n\n"))
                .containsExactly(Frame.EMPTY_ARRAY, Frame.EMPTY_ARRAY, Frame.EMPTY_ARRAY, Frame.EMPTY_ARRAY,
                        Frame.EMPTY_ARRAY, Frame.EMPTY_ARRAY);
    }

    @Test
    void parse_consumesExactlyTheRequest_andLeavesTheNextBytes() {
        ByteBuffer buffer = ByteBuffer.wrap(ascii("*1\r\n$4\r\nPING\r\n*1\r\n$3\r\nGE"));
        assertThat(parser.check(buffer)).isTrue();
        parser.parse(buffer);
        assertThat(buffer.position()).isEqualTo(14);
        assertThat(parser.check(buffer)).isFalse();
        assertThat(buffer.position()).isEqualTo(14);
    }

    @Test
    void check_doesNotMoveThePosition() {
        ByteBuffer buffer = ByteBuffer.wrap(ascii("*1\r\n$4\r\nPING\r\n"));
        assertThat(parser.check(buffer)).isTrue();
        assertThat(buffer.position()).isZero();
        assertThat(parser.check(buffer)).isTrue();
    }

    @Test
    void parse_withoutACompleteCheck_isRefused() {
        ByteBuffer buffer = ByteBuffer.wrap(ascii("*1\r\n$4\r\nPI"));
        assertThat(parser.check(buffer)).isFalse();
        assertThatThrownBy(() -> parser.parse(buffer)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theTwoBytesAfterBulkData_areSkippedUnchecked_asRedisDoes() {
        assertThat(parseAll("*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$1\r\nvXY*1\r\n$4\r\nPING\r\n"))
                .containsExactly(words("SET", "k", "v"), words("PING"));
    }

    @Test
    void everySplitOfAPipeline_givesTheSameRequests() {
        byte[] stream = ascii("*3\r\n$3\r\nSET\r\n$3\r\nkey\r\n$10\r\n0123456789\r\n"
                + "ECHO \"a b\\x41\" 'c'\r\n*0\r\n\r\n*2\r\n+GET\r\n$3\r\nkey\r\nPING\n");
        List<Frame> expected = List.of(words("SET", "key", "0123456789"), words("ECHO", "a bA", "c"),
                Frame.EMPTY_ARRAY, Frame.EMPTY_ARRAY, words("GET", "key"), words("PING"));
        for (int first = 0; first <= stream.length; first++) {
            for (int second = first; second <= stream.length; second += 7) {
                List<Frame> frames = feedRequests(new RequestParser(ProtocolLimits.DEFAULT), stream, first, second);
                assertThat(frames).as("cut at %d and %d", first, second).isEqualTo(expected);
            }
        }
        assertThat(feedRequests(new RequestParser(ProtocolLimits.DEFAULT), stream, everyByte(stream))).isEqualTo(expected);
    }

    @Test
    void announcedLength_isCheckedFromTheHeader_beforeTheDataArrives() {
        RequestParser small = new RequestParser(new ProtocolLimits(10, 4, 64, 1000));
        assertThatThrownBy(() -> small.check(ByteBuffer.wrap(ascii("*1\r\n$11\r\n"))))
                .hasMessage("Protocol error: invalid bulk length");
        RequestParser defaults = new RequestParser(ProtocolLimits.DEFAULT);
        assertThat(defaults.check(ByteBuffer.wrap(ascii("*2\r\n$536870912\r\n")))).isFalse();
        assertThatThrownBy(() -> new RequestParser(ProtocolLimits.DEFAULT).check(ByteBuffer.wrap(ascii("*1\r\n$536870913\r\n"))))
                .hasMessage("Protocol error: invalid bulk length");
    }

    @Test
    void arrayLongerThanTheLimit_isAnInvalidMultibulkLength() {
        RequestParser small = new RequestParser(new ProtocolLimits(10, 4, 64, 1000));
        assertThat(small.check(ByteBuffer.wrap(ascii("*4\r\n")))).isFalse();
        assertThatThrownBy(() -> new RequestParser(new ProtocolLimits(10, 4, 64, 1000)).check(ByteBuffer.wrap(ascii("*5\r\n"))))
                .hasMessage("Protocol error: invalid multibulk length");
    }

    @Test
    void requestLongerThanTheFrameLimit_isRefusedFromItsHeaders() {
        RequestParser small = new RequestParser(new ProtocolLimits(100, 10, 64, 150));
        assertThat(small.check(ByteBuffer.wrap(ascii("*3\r\n$100\r\n")))).isFalse();
        ByteBuffer twoBulks = ByteBuffer.allocate(200);
        twoBulks.put(ascii("*3\r\n$100\r\n")).put(new byte[102]).put(ascii("$50\r\n")).flip();
        assertThatThrownBy(() -> small.check(twoBulks)).hasMessage("Protocol error: too big request");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "*abc\\r\\n               | Protocol error: invalid multibulk length",
            "*\\r\\n                  | Protocol error: invalid multibulk length",
            "*+1\\r\\n                | Protocol error: invalid multibulk length",
            "*01\\r\\n                | Protocol error: invalid multibulk length",
            "*1 \\r\\n                | Protocol error: invalid multibulk length",
            "*2147483648\\r\\n        | Protocol error: invalid multibulk length",
            "*1\\r\\n$-1\\r\\n          | Protocol error: invalid bulk length",
            "*1\\r\\n$x\\r\\n           | Protocol error: invalid bulk length",
            "*1\\r\\n$\\r\\n            | Protocol error: invalid bulk length",
            "*1\\r\\n$-0\\r\\n          | Protocol error: invalid bulk length",
            "*1\\r\\n$99999999999999999999\\r\\n | Protocol error: invalid bulk length",
            "*1\\r\\n:1\\r\\n           | Protocol error: expected '$', got ':'",
            "*1\\r\\n*1\\r\\n           | Protocol error: expected '$', got '*'",
            "*1\\r\\n\\r\\n              | Protocol error: expected '$', got ' '",
            "SET \"a b\\r\\n          | Protocol error: unbalanced quotes in request",
            "GET 'a\\r\\n             | Protocol error: unbalanced quotes in request",
            "GET \"a\"b\\r\\n          | Protocol error: unbalanced quotes in request",
            "GET 'a'b\\r\\n           | Protocol error: unbalanced quotes in request",
    })
    void malformedRequest_isAProtocolErrorWithRedisWording(String request, String message) {
        byte[] bytes = ascii(request.replace("\\r", "\r").replace("\\n", "\n"));
        Stream.assertProtocolError(bytes, message, cuts -> feedRequests(new RequestParser(ProtocolLimits.DEFAULT), bytes, cuts));
    }

    @Test
    void inlineLineLongerThanTheLimit_isTooBig_howeverItArrives() {
        byte[] atLimit = new byte[64 * 1024 + 2];
        Arrays.fill(atLimit, (byte) 'a');
        atLimit[atLimit.length - 2] = '\r';
        atLimit[atLimit.length - 1] = '\n';
        assertThat(feedRequests(new RequestParser(ProtocolLimits.DEFAULT), atLimit)).hasSize(1);

        byte[] overLimit = Arrays.copyOf(atLimit, atLimit.length + 1);
        overLimit[overLimit.length - 3] = 'a';
        overLimit[overLimit.length - 2] = '\r';
        overLimit[overLimit.length - 1] = '\n';
        assertThatThrownBy(() -> feedRequests(new RequestParser(ProtocolLimits.DEFAULT), overLimit))
                .hasMessage("Protocol error: too big inline request");
        assertThatThrownBy(() -> feedRequests(new RequestParser(ProtocolLimits.DEFAULT), overLimit, 1000, 64 * 1024 + 1))
                .hasMessage("Protocol error: too big inline request");
    }

    @Test
    void headerLinesLongerThanTheLimit_areTooBig() {
        RequestParser small = new RequestParser(new ProtocolLimits(100, 10, 8, 1000));
        assertThatThrownBy(() -> small.check(ByteBuffer.wrap(ascii("*000000000"))))
                .hasMessage("Protocol error: too big mbulk count string");
        RequestParser other = new RequestParser(new ProtocolLimits(100, 10, 8, 1000));
        assertThatThrownBy(() -> other.check(ByteBuffer.wrap(ascii("*1\r\n$000000000"))))
                .hasMessage("Protocol error: too big bulk count string");
    }

    @Test
    void inlineCommand_isSplitAsRedisSplitsIt() {
        assertThat(parseAll("SET \"a\\x41b\" \"c\\nd\\t\\\"\\q\" 'it\\'s' x\"y z\"\r\n"))
                .containsExactly(Frame.array(Frame.bulk("SET"), Frame.bulk("aAb"), Frame.bulk("c\nd\t\"q"),
                        Frame.bulk("it's"), Frame.bulk("xy z")));
        assertThat(parseAll("ECHO \"\\x4g\" \"\\xe9\"\n"))
                .containsExactly(Frame.array(Frame.bulk("ECHO"), Frame.bulk("x4g"), Frame.bulk(new byte[] {(byte) 0xe9})));
    }

    @Test
    void inlineCommand_separators_followCsIsspace() {
        assertThat(parseAll("ECHO a\u000bb\r\n")).containsExactly(words("ECHO", "a\u000bb"));
        assertThat(parseAll("\u000b\fECHO\tx  \r\r\n")).containsExactly(words("ECHO", "x"));
        assertThat(parseAll("ECHO \"a\"\u000b\r\n")).containsExactly(words("ECHO", "a"));
    }

    @Test
    void inlineCommand_endsAtANulByte_asSdssplitargsReadsACString() {
        assertThat(parseAll("ECHO a\u0000b c\r\nPING\r\n")).containsExactly(words("ECHO", "a"), words("PING"));
    }

    @Test
    void reset_forgetsAPartialRequest() {
        parser.check(ByteBuffer.wrap(ascii("*2\r\n$3\r\nGET\r\n")));
        parser.reset();
        assertThat(parseAll("PING\r\n")).containsExactly(words("PING"));
    }
}
