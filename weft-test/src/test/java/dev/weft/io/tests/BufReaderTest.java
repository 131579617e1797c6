package dev.weft.io.tests;

import dev.weft.io.AsyncRead;
import dev.weft.io.BufReader;
import dev.weft.io.ByteBuf;
import dev.weft.io.LimitExceededException;
import dev.weft.io.Pipe;
import dev.weft.stream.AsyncStream;
import dev.weft.test.AsyncTest;
import dev.weft.time.Elapsed;
import dev.weft.time.Time;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.weft.io.tests.IoTestSupport.text;
import static dev.weft.io.tests.IoTestSupport.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** BufReader over the pipe and over scripted sources: lines, segments, limits, cancellation, buffer access. */
class BufReaderTest {

    private static final Duration SHORT = Duration.ofMillis(20);

    @AsyncTest(everyFlavor = true)
    void readLine_overAPipe_stripsNewlines_andReturnsTheLastLineWithoutOne_thenEmpty() {
        Pipe pipe = Pipe.duplex(64);
        pipe.client().writeAll(utf8("first\r\nsecond\nthird")).await();
        pipe.client().shutdownOutput().await();
        BufReader reader = new BufReader(pipe.server());

        assertThat(reader.readLine().await()).contains("first");
        assertThat(reader.readLine().await()).contains("second");
        assertThat(reader.readLine().await()).contains("third");
        assertThat(reader.readLine().await()).isEmpty();
        assertThat(reader.readLine().await()).isEmpty();
    }

    @AsyncTest(everyFlavor = true)
    void readLine_cancelledByATimeout_keepsThePartialLine_andTheNextCallReturnsItWhole() {
        Pipe pipe = Pipe.duplex(64);
        BufReader reader = new BufReader(pipe.server());
        pipe.client().writeAll(utf8("hel")).await();

        assertThatThrownBy(() -> Time.timeout(SHORT, reader.readLine()).await()).isInstanceOf(Elapsed.class);

        pipe.client().writeAll(utf8("lo\nworld\n")).await();
        assertThat(reader.readLine().await()).contains("hello");
        assertThat(reader.readLine().await()).contains("world");
    }

    @AsyncTest(everyFlavor = true)
    void readUntil_cancelledByATimeout_appendsNothing_andTheNextCallAppendsTheWholeSegment() {
        Pipe pipe = Pipe.duplex(64);
        BufReader reader = new BufReader(pipe.server());
        ByteBuf sink = new ByteBuf(8);
        pipe.client().writeAll(utf8("key=")).await();

        assertThatThrownBy(() -> Time.timeout(SHORT, reader.readUntil((byte) ';', sink)).await())
                .isInstanceOf(Elapsed.class);
        assertThat(sink.readableBytes()).isZero();

        pipe.client().writeAll(utf8("value;")).await();
        assertThat(reader.readUntil((byte) ';', sink).await()).isEqualTo(10);
        assertThat(text(sink.readable())).isEqualTo("key=value;");
    }

    @AsyncTest
    void aLineOfExactlyTheMaximum_isAccepted_andOneByteMoreIsRejected_thenTheNextLineIsRead() {
        BufReader reader = new BufReader(new ChunkedSource(bytes("12345\n123456\nnext\n")), 2);

        assertThat(reader.readLine(5).await()).contains("12345");
        assertThatThrownBy(() -> reader.readLine(5).await()).isInstanceOf(LimitExceededException.class)
                .hasMessageContaining("a line is longer than the maximum of 5 bytes")
                .satisfies(e -> assertThat(((LimitExceededException) e).limit()).isEqualTo(5));
        assertThat(reader.readLine(5).await()).contains("next");
    }

    @AsyncTest
    void anEndlessLine_isRejected_withoutBufferingMoreThanTwiceTheMaximum() {
        byte[] endless = new byte[1 << 20];
        Arrays.fill(endless, (byte) 'x');
        ChunkedSource chunks = new ChunkedSource(endless, Splits.random(new SplittableRandom(7), endless.length, 500));
        AtomicInteger largestRead = new AtomicInteger();
        AsyncRead source = dst -> {
            largestRead.accumulateAndGet(dst.remaining(), Math::max);
            return chunks.read(dst);
        };
        BufReader reader = new BufReader(source, 16);

        assertThatThrownBy(() -> reader.readLine(1000).await()).isInstanceOf(LimitExceededException.class);
        assertThat(reader.readLine(1000).await()).as("the rest of the line is skipped to the end").isEmpty();
        assertThat(largestRead.get()).as("the most the reader asked for at once").isLessThanOrEqualTo(2 * 1001);
    }

    @AsyncTest
    void readLine_ofInvalidUtf8_failsWithACodingCause_andConsumesTheLine() {
        byte[] input = {'o', 'k', '\n', (byte) 0xFF, (byte) 0xFE, '\n', 'b', 'y', 'e', '\n'};
        BufReader reader = new BufReader(new ChunkedSource(input));

        assertThat(reader.readLine().await()).contains("ok");
        assertThatThrownBy(() -> reader.readLine().await()).isInstanceOf(UncheckedIOException.class)
                .hasCauseInstanceOf(CharacterCodingException.class);
        assertThat(reader.readLine().await()).contains("bye");
    }

    @AsyncTest
    void lines_isAStreamOfTheLines_thatEndsWithTheSource() {
        BufReader reader = new BufReader(new ChunkedSource(bytes("a\nb\r\nc"), 1, 3));
        AsyncStream<String> lines = reader.lines();
        List<String> all = new ArrayList<>();
        for (Optional<String> line; (line = lines.next().await()).isPresent(); ) {
            all.add(line.get());
        }
        assertThat(all).containsExactly("a", "b", "c");
        assertThat(lines.next().await()).isEmpty();
    }

    @AsyncTest
    void smallReads_areServedFromTheBuffer_withOneReadOfTheSource() {
        ChunkedSource source = new ChunkedSource(bytes("abcdefgh"));
        BufReader reader = new BufReader(source, 64);
        StringBuilder read = new StringBuilder();
        ByteBuffer two = ByteBuffer.allocate(2);
        for (int i = 0; i < 4; i++) {
            assertThat(reader.read(two.clear()).await()).isEqualTo(2);
            read.append(text(two.flip()));
        }
        assertThat(read).hasToString("abcdefgh");
        assertThat(source.reads()).isEqualTo(1);
        assertThat(reader.read(two.clear()).await()).isEqualTo(-1);
    }

    @AsyncTest
    void aReadOfABufferOrMore_withNothingBuffered_bypassesTheBuffer() {
        ChunkedSource source = new ChunkedSource(bytes("0123456789"));
        BufReader reader = new BufReader(source, 4);
        ByteBuffer large = ByteBuffer.allocate(16);

        assertThat(reader.read(large).await()).isEqualTo(10);
        assertThat(text(large.flip())).isEqualTo("0123456789");
        assertThat(reader.buffer().remaining()).isZero();
    }

    @AsyncTest
    void fillBuffer_showsTheBufferedBytes_andConsumeMarksThemUsed() {
        BufReader reader = new BufReader(new ChunkedSource(bytes("GET /\nrest"), 6));

        ByteBuffer buffered = reader.fillBuffer().await();
        assertThat(text(buffered)).isEqualTo("GET /\n");
        assertThat(buffered.isReadOnly()).isTrue();
        reader.consume(4);
        assertThat(text(reader.buffer())).isEqualTo("/\n");
        assertThat(text(reader.fillBuffer().await())).as("no read while bytes are buffered").isEqualTo("/\n");
        reader.consume(2);
        assertThat(text(reader.fillBuffer().await())).isEqualTo("rest");
        reader.consume(4);
        assertThat(reader.fillBuffer().await().remaining()).as("the end of the stream").isZero();
    }

    @Test
    void preconditions_stateTheRuleAndTheValue() {
        ChunkedSource source = new ChunkedSource(new byte[0]);
        assertThatThrownBy(() -> new BufReader(source, 0)).hasMessage("capacity <= 0: 0");
        BufReader reader = new BufReader(source);
        assertThatThrownBy(() -> reader.readLine(-1)).hasMessage("maxLength < 0: -1");
        assertThatThrownBy(() -> reader.consume(1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("n is not within [0, 0]: 1");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
