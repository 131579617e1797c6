package dev.weft.codec.tests;

import dev.weft.Async;
import dev.weft.Weft;
import dev.weft.codec.CodecException;
import dev.weft.codec.Decoder;
import dev.weft.codec.Encoder;
import dev.weft.codec.FrameTooLongException;
import dev.weft.codec.Framed;
import dev.weft.codec.FramedRead;
import dev.weft.codec.FramedWrite;
import dev.weft.codec.LengthDelimitedCodec;
import dev.weft.codec.LinesCodec;
import dev.weft.io.Pipe;
import dev.weft.io.tests.ChunkedSource;
import dev.weft.task.JoinHandle;
import dev.weft.test.AsyncTest;
import dev.weft.time.Elapsed;
import dev.weft.time.Time;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.weft.io.tests.IoTestSupport.bytes;
import static dev.weft.io.tests.IoTestSupport.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Framed, FramedRead and FramedWrite over the pipe: both directions, flushing, cancellation, errors. */
class FramedTest {

    private static final Duration SHORT = Duration.ofMillis(20);

    /** Frames of exactly four bytes, read as an int; the default decodeEof. */
    private static final Decoder<Integer> INTS = src -> src.remaining() >= 4 ? src.getInt() : null;

    @AsyncTest(everyFlavor = true)
    void twoFramedEnds_exchangeLines_bothWays() {
        Pipe pipe = Pipe.duplex(64);
        Framed<String, String> client = new Framed<>(pipe.client(), new LinesCodec(256));
        Framed<String, String> server = new Framed<>(pipe.server(), new LinesCodec(256));
        JoinHandle<Integer> echo = Weft.spawn(Async.of(() -> {
            int count = 0;
            for (Optional<String> line; (line = server.next().await()).isPresent(); count++) {
                server.send("echo: " + line.get()).await();
            }
            server.shutdownOutput().await();
            return count;
        }));

        List<String> replies = new ArrayList<>();
        for (String question : List.of("one", "two", "three")) {
            client.send(question).await();
            replies.add(client.next().await().orElseThrow());
        }
        client.shutdownOutput().await();

        assertThat(replies).containsExactly("echo: one", "echo: two", "echo: three");
        assertThat(client.next().await()).isEmpty();
        assertThat(echo.await()).isEqualTo(3);
    }

    @AsyncTest(everyFlavor = true)
    void feed_buffersFrames_untilFlush() {
        Pipe pipe = Pipe.duplex(64);
        FramedWrite<String> out = new FramedWrite<>(pipe.client(), new LinesCodec());
        FramedRead<String> in = new FramedRead<>(pipe.server(), new LinesCodec());
        out.feed("a").await();
        out.feed("b").await();
        assertThat(out.writeBuffer().readableBytes()).isEqualTo(4);

        assertThatThrownBy(() -> Time.timeout(SHORT, in.next()).await()).isInstanceOf(Elapsed.class);

        out.flush().await();
        assertThat(in.next().await()).contains("a");
        assertThat(in.next().await()).contains("b");
    }

    @AsyncTest(everyFlavor = true)
    void feed_writesTheBufferOut_onceEightKibibytesAreWaiting() {
        Pipe pipe = Pipe.duplex(64 * 1024);
        FramedWrite<String> out = new FramedWrite<>(pipe.client(), new LinesCodec());
        String kibibyteLine = "x".repeat(1023);
        for (int i = 0; i < 8; i++) {
            out.feed(kibibyteLine).await();
        }
        assertThat(out.writeBuffer().readableBytes()).isEqualTo(8 * 1024);

        out.feed(kibibyteLine).await();

        assertThat(out.writeBuffer().readableBytes()).as("the first 8 KiB were written").isEqualTo(1024);
    }

    @AsyncTest(everyFlavor = true)
    void next_cancelledByATimeout_keepsThePartialFrame_andTheNextCallReturnsItWhole() {
        Pipe pipe = Pipe.duplex(64);
        FramedRead<ByteBuffer> frames = new FramedRead<>(pipe.server(), new LengthDelimitedCodec());
        pipe.client().writeAll(ByteBuffer.wrap(new byte[] {0, 0, 0, 5, 'h', 'e'})).await();

        assertThatThrownBy(() -> Time.timeout(SHORT, frames.next()).await()).isInstanceOf(Elapsed.class);
        assertThat(frames.readBuffer().readableBytes()).as("the payload bytes stay buffered").isEqualTo(2);

        pipe.client().writeAll(utf8("llo")).await();
        assertThat(frames.next().await()).contains(utf8("hello"));
    }

    @AsyncTest(everyFlavor = true)
    void lengthDelimitedFrames_sentByOneTask_areReceivedWhole_byAnother() {
        Pipe pipe = Pipe.duplex(100);
        LengthDelimitedCodec.Builder format = LengthDelimitedCodec.builder().lengthFieldLength(2).littleEndian();
        JoinHandle<Void> sender = Weft.spawn(Async.of(() -> {
            FramedWrite<ByteBuffer> out = new FramedWrite<>(pipe.client(), format.build());
            for (int size = 0; size < 600; size += 37) {
                out.feed(ByteBuffer.wrap(new byte[size])).await();
            }
            out.shutdownOutput().await();
            return null;
        }));
        FramedRead<ByteBuffer> in = new FramedRead<>(pipe.server(), format.build());

        List<Integer> sizes = new ArrayList<>();
        for (Optional<ByteBuffer> frame; (frame = in.next().await()).isPresent(); ) {
            sizes.add(frame.get().remaining());
        }

        sender.await();
        assertThat(sizes).hasSize(17).first().isEqualTo(0);
        assertThat(sizes).last().isEqualTo(592);
    }

    @AsyncTest
    void bytesLeftAtTheEnd_thatAreNotAWholeFrame_failNext_andThenTheStreamEnds() {
        FramedRead<Integer> ints = new FramedRead<>(new ChunkedSource(new byte[] {0, 0, 0, 7, 1, 2}), INTS);

        assertThat(ints.next().await()).contains(7);
        assertThatThrownBy(() -> ints.next().await()).isInstanceOf(CodecException.class)
                .hasMessage("the stream ended with 2 bytes that are not a whole frame");
        assertThat(ints.next().await()).isEmpty();
    }

    @AsyncTest
    void aDecoderError_isThrown_andTheNextCallGoesOnWhereTheDecoderCan() {
        FramedRead<String> lines = new FramedRead<>(new ChunkedSource(bytes("waytoolong\nok\n")), new LinesCodec(4));

        assertThatThrownBy(() -> lines.next().await()).isInstanceOf(FrameTooLongException.class);
        assertThat(lines.next().await()).contains("ok");
        assertThat(lines.next().await()).isEmpty();
    }

    @AsyncTest
    void anEncoderThatFailsHalfWay_leavesNothingOfTheItemBuffered() {
        Encoder<String> failsOnBang = (item, dst) -> {
            dst.put(bytes(item));
            if (item.endsWith("!")) {
                throw new CodecException("no shouting");
            }
        };
        FramedWrite<String> out = new FramedWrite<>(Pipe.duplex(64).client(), failsOnBang);
        out.feed("calm").await();

        assertThatThrownBy(() -> out.feed("loud!").await()).isInstanceOf(CodecException.class);
        assertThat(out.writeBuffer().toByteArray()).isEqualTo(bytes("calm"));
    }

    @AsyncTest
    void framed_overSeparateHalves_readsOneAndWritesTheOther() {
        Pipe incoming = Pipe.duplex(64);
        Pipe outgoing = Pipe.duplex(64);
        LinesCodec codec = new LinesCodec();
        Framed<String, String> framed = new Framed<>(incoming.server(), outgoing.client(), codec, codec);
        incoming.client().writeAll(utf8("in\n")).await();

        framed.send("out").await();

        assertThat(framed.next().await()).contains("in");
        assertThat(new FramedRead<>(outgoing.server(), new LinesCodec()).next().await()).contains("out");
        assertThat(framed.readBuffer().isEmpty()).isTrue();
        assertThat(framed.writeBuffer().isEmpty()).isTrue();
    }
}
