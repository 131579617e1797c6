package dev.weft.docs;

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
import dev.weft.io.AsyncIo;
import dev.weft.io.AsyncRead;
import dev.weft.io.AsyncWrite;
import dev.weft.io.BufReader;
import dev.weft.io.BufWriter;
import dev.weft.io.ByteBuf;
import dev.weft.io.LimitExceededException;
import dev.weft.io.Pipe;
import dev.weft.runtime.AsyncRuntime;
import dev.weft.task.JoinHandle;
import dev.weft.test.AsyncTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The examples of the javadoc of {@code dev.weft.io} and {@code dev.weft.codec}, run as they are written
 * there. Keep each in step with the {@code {@snippet}} it mirrors.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class IoCodecJavadocExamplesTest {

    // ---- dev.weft.io ----

    @Test
    void byteBuf_exampleReadsWhatWasAppended() {
        ByteBuf buf = new ByteBuf(16, 1024);
        buf.put("hello ".getBytes(StandardCharsets.UTF_8)).put("world".getBytes(StandardCharsets.UTF_8));
        ByteBuffer readable = buf.readable();
        byte first = readable.get();              // consumes 'h'
        String rest = StandardCharsets.UTF_8.decode(readable).toString();   // consumes "ello world"

        assertThat(first).isEqualTo((byte) 'h');
        assertThat(rest).isEqualTo("ello world");
        assertThat(buf.isEmpty()).isTrue();
    }

    @Test
    void pipe_exampleCarriesTheBytes() {
        Pipe pipe = Pipe.duplex(8 * 1024);
        AsyncRuntime.run(() -> {
            pipe.client().writeAll(ByteBuffer.wrap(new byte[] {1, 2, 3})).await();
            ByteBuffer received = ByteBuffer.allocate(3);
            pipe.server().readExact(received).await();
            assertThat(received.array()).containsExactly(1, 2, 3);
        });
    }

    @Test
    void duplexStream_exampleEchoesPing() {
        Pipe pipe = Pipe.duplex(64);
        String echoed = AsyncRuntime.run(() -> {
            Weft.spawn(AsyncIo.copy(pipe.server(), pipe.server()));   // echo until the client shuts down
            pipe.client().writeAll(ByteBuffer.wrap("ping".getBytes(StandardCharsets.UTF_8))).await();
            pipe.client().shutdownOutput().await();
            ByteBuffer reply = ByteBuffer.allocate(4);
            pipe.client().readExact(reply).await();
            return new String(reply.array(), StandardCharsets.UTF_8);
        });
        assertThat(echoed).isEqualTo("ping");
    }

    static Async<Integer> countLines(AsyncRead source) {
        return Async.of(() -> {
            BufReader reader = new BufReader(source);
            int count = 0;
            while (reader.readLine().await().isPresent()) {
                count++;
            }
            return count;
        });
    }

    @AsyncTest
    void bufReader_exampleCountsTheLines() {
        Pipe pipe = Pipe.duplex(64);
        pipe.client().writeAll(utf8("one\ntwo\nthree")).await();
        pipe.client().shutdownOutput().await();
        assertThat(countLines(pipe.server()).await()).isEqualTo(3);
    }

    static Async<Optional<String>> firstLineOrNothing(BufReader reader) {
        return Async.of(() -> {
            try {
                return reader.readLine(80).await();
            } catch (LimitExceededException tooLong) {
                return Optional.empty();   // the over-long line is skipped by the next readLine
            }
        });
    }

    @AsyncTest
    void limitExceededException_exampleSkipsAnOverLongLine() {
        Pipe pipe = Pipe.duplex(256);
        pipe.client().writeAll(utf8("x".repeat(100) + "\nshort\n")).await();
        BufReader reader = new BufReader(pipe.server());

        assertThat(firstLineOrNothing(reader).await()).isEmpty();
        assertThat(firstLineOrNothing(reader).await()).contains("short");
    }

    static Async<Void> sendLines(AsyncWrite sink, List<String> lines) {
        return Async.of(() -> {
            BufWriter writer = new BufWriter(sink);
            for (String line : lines) {
                writer.writeAll(ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8))).await();
            }
            writer.flush().await();   // one write to the sink for all of them (if they fit in 8 KiB)
            return null;
        });
    }

    @AsyncTest
    void bufWriter_exampleSendsTheLines() {
        Pipe pipe = Pipe.duplex(64);
        sendLines(pipe.client(), List.of("a", "b")).await();
        ByteBuffer received = ByteBuffer.allocate(4);
        pipe.server().readExact(received).await();
        assertThat(new String(received.array(), StandardCharsets.UTF_8)).isEqualTo("a\nb\n");
    }

    // Relays between two connections (TCP streams, pipe ends) until both directions end.
    static <S extends AsyncRead & AsyncWrite> Async<Long> relay(S inbound, S outbound) {
        return AsyncIo.copyBidirectional(inbound, outbound).map(counts -> counts.aToB() + counts.bToA());
    }

    @AsyncTest
    void asyncIo_exampleRelaysBothWays() {
        Pipe clientSide = Pipe.duplex(64);
        Pipe serverSide = Pipe.duplex(64);
        JoinHandle<Long> relayed = Weft.spawn(relay(clientSide.server(), serverSide.client()));
        clientSide.client().writeAll(utf8("hi")).await();
        clientSide.client().shutdownOutput().await();
        serverSide.server().writeAll(utf8("hello")).await();
        serverSide.server().shutdownOutput().await();

        assertThat(relayed.await()).isEqualTo(7);
    }

    // ---- dev.weft.codec ----

    @Test
    void decoder_exampleYieldsSingleBytes() {
        // Frames are single bytes: a decoder that needs no state.
        Decoder<Byte> bytes = src -> src.hasRemaining() ? src.get() : null;

        ByteBuffer input = ByteBuffer.wrap(new byte[] {7});
        assertThat(bytes.decode(input)).isEqualTo((byte) 7);
        assertThat(bytes.decode(input)).isNull();
    }

    @Test
    void encoder_exampleTerminatesWithNul() {
        // Each frame is a string followed by a NUL byte.
        Encoder<String> nulTerminated = (item, dst) -> dst.put(item.getBytes(StandardCharsets.UTF_8)).put((byte) 0);

        ByteBuf out = new ByteBuf();
        nulTerminated.encode("ok", out);
        assertThat(out.toByteArray()).containsExactly('o', 'k', 0);
    }

    @Test
    void frameTooLongException_exampleReportsTheLimit() {
        long reported = -1;
        LinesCodec codec = new LinesCodec(4);
        try {
            codec.decode(ByteBuffer.wrap("too long\n".getBytes(StandardCharsets.UTF_8)));
        } catch (FrameTooLongException e) {
            long limit = e.limit();   // 4
            reported = limit;
        }
        assertThat(reported).isEqualTo(4);
    }

    static Async<Optional<String>> nextLineOrNothing(FramedRead<String> lines) {
        return Async.of(() -> {
            try {
                return lines.next().await();
            } catch (CodecException malformed) {
                return Optional.empty();
            }
        });
    }

    @AsyncTest
    void codecException_exampleTurnsAMalformedLineIntoNothing() {
        Pipe pipe = Pipe.duplex(64);
        pipe.client().writeAll(ByteBuffer.wrap(new byte[] {(byte) 0xFF, '\n', 'o', 'k', '\n'})).await();
        FramedRead<String> lines = new FramedRead<>(pipe.server(), new LinesCodec());

        assertThat(nextLineOrNothing(lines).await()).isEmpty();
        assertThat(nextLineOrNothing(lines).await()).contains("ok");
    }

    static Async<List<String>> readAllLines(AsyncRead source) {
        return Async.of(() -> {
            FramedRead<String> lines = new FramedRead<>(source, new LinesCodec(1024));
            List<String> all = new ArrayList<>();
            for (Optional<String> line; (line = lines.next().await()).isPresent(); ) {
                all.add(line.get());
            }
            return all;
        });
    }

    static Async<Void> sendAll(AsyncWrite sink, List<String> lines) {
        return Async.of(() -> {
            FramedWrite<String> out = new FramedWrite<>(sink, new LinesCodec());
            for (String line : lines) {
                out.feed(line).await();   // buffered
            }
            out.flush().await();          // written together
            return null;
        });
    }

    @AsyncTest(everyFlavor = true)
    void framedReadAndFramedWrite_examplesCarryTheLines() {
        Pipe pipe = Pipe.duplex(64);
        sendAll(pipe.client(), List.of("x", "y", "z")).await();
        pipe.client().shutdownOutput().await();

        assertThat(readAllLines(pipe.server()).await()).containsExactly("x", "y", "z");
    }

    // A line-based echo: answers each line with the line in upper case.
    static <S extends AsyncRead & AsyncWrite> Async<Void> shout(S connection) {
        return Async.of(() -> {
            Framed<String, String> lines = new Framed<>(connection, new LinesCodec(1024));
            for (Optional<String> line; (line = lines.next().await()).isPresent(); ) {
                lines.send(line.get().toUpperCase(Locale.ROOT)).await();
            }
            return null;
        });
    }

    static <S extends AsyncRead & AsyncWrite> Async<String> ask(S connection, String question) {
        return Async.of(() -> {
            Framed<String, String> lines = new Framed<>(connection, new LinesCodec(1024));
            lines.send(question).await();
            return lines.next().await().orElse("");
        });
    }

    @AsyncTest(everyFlavor = true)
    void framedAndLinesCodec_examplesAskAndShout() {
        Pipe pipe = Pipe.duplex(64);
        JoinHandle<Void> server = Weft.spawn(shout(pipe.server()));

        assertThat(ask(pipe.client(), "hello?").await()).isEqualTo("HELLO?");

        pipe.client().shutdownOutput().await();
        server.await();
    }

    @Test
    void lengthDelimitedCodec_exampleEncodesAndDecodesAFrame() {
        // A 2-byte little-endian length, then the payload.
        LengthDelimitedCodec codec = LengthDelimitedCodec.builder()
                .lengthFieldLength(2)
                .littleEndian()
                .maxFrameLength(64 * 1024)
                .build();
        ByteBuf wire = new ByteBuf();
        codec.encode(ByteBuffer.wrap(new byte[] {42, 43}), wire);   // 02 00 2A 2B
        assertThat(wire.toByteArray()).containsExactly(2, 0, 42, 43);
        ByteBuffer frame = codec.decode(wire.readable());           // 2A 2B
        assertThat(frame).isEqualTo(ByteBuffer.wrap(new byte[] {42, 43}));
    }

    @Test
    void lengthDelimitedBuilder_exampleReadsAVersionedFrame() {
        // A 1-byte version, then a 2-byte length that counts the whole frame (version and length
        // included); decoded frames are what follows the length field.
        LengthDelimitedCodec codec = LengthDelimitedCodec.builder()
                .lengthFieldOffset(1)
                .lengthFieldLength(2)
                .lengthAdjustment(-3)
                .numSkip(3)
                .build();

        ByteBuffer frame = codec.decode(ByteBuffer.wrap(new byte[] {1, 0, 5, 'h', 'i'}));
        assertThat(frame).isEqualTo(ByteBuffer.wrap(new byte[] {'h', 'i'}));
    }

    private static ByteBuffer utf8(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    }
}
