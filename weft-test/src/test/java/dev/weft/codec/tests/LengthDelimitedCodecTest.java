package dev.weft.codec.tests;

import dev.weft.codec.CodecException;
import dev.weft.codec.FrameTooLongException;
import dev.weft.codec.FramedRead;
import dev.weft.codec.FramedWrite;
import dev.weft.codec.LengthDelimitedCodec;
import dev.weft.io.ByteBuf;
import dev.weft.io.Pipe;
import dev.weft.io.tests.Splits;
import dev.weft.test.AsyncTest;
import dev.weft.test.RuntimeFlavor;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;

import static dev.weft.io.tests.IoTestSupport.bytes;
import static dev.weft.io.tests.IoTestSupport.concat;
import static dev.weft.io.tests.Splits.describe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * LengthDelimitedCodec: the wire layouts of Tokio's documentation, round trips of random configurations
 * fed in random cuts (seeded), and oversized frames refused from their header.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LengthDelimitedCodecTest {

    private static final byte[] HELLO = bytes("Hello world");

    /** A configuration, a frame on the wire, and the frame decoded. */
    private record Layout(String name, Supplier<LengthDelimitedCodec> codec, byte[] wire, byte[] decoded) {
    }

    private static final List<Layout> LAYOUTS = List.of(
            new Layout("u16 length, head skipped", () -> LengthDelimitedCodec.builder().lengthFieldLength(2).build(),
                    concat(new byte[] {0x00, 0x0B}, HELLO), HELLO),
            new Layout("u16 little-endian", () -> LengthDelimitedCodec.builder().lengthFieldLength(2).littleEndian().build(),
                    concat(new byte[] {0x0B, 0x00}, HELLO), HELLO),
            new Layout("u16 length, head kept", () -> LengthDelimitedCodec.builder().lengthFieldLength(2)
                    .lengthAdjustment(2).numSkip(0).build(),
                    concat(new byte[] {0x00, 0x0B}, HELLO), concat(new byte[] {0x00, 0x0B}, HELLO)),
            new Layout("u16 length counting the head", () -> LengthDelimitedCodec.builder().lengthFieldLength(2)
                    .lengthAdjustment(-2).build(),
                    concat(new byte[] {0x00, 0x0D}, HELLO), HELLO),
            new Layout("3-byte length in a 5-byte head, head kept", () -> LengthDelimitedCodec.builder()
                    .lengthFieldLength(3).lengthAdjustment(3 + 2).numSkip(0).build(),
                    concat(new byte[] {0x00, 0x00, 0x0B, (byte) 0xCA, (byte) 0xFE}, HELLO),
                    concat(new byte[] {0x00, 0x00, 0x0B, (byte) 0xCA, (byte) 0xFE}, HELLO)),
            new Layout("u16 at offset 1, second head byte kept", () -> LengthDelimitedCodec.builder()
                    .lengthFieldOffset(1).lengthFieldLength(2).lengthAdjustment(1).numSkip(3).build(),
                    concat(new byte[] {(byte) 0xCA, 0x00, 0x0B, (byte) 0xFE}, HELLO), concat(new byte[] {(byte) 0xFE}, HELLO)),
            new Layout("u16 at offset 1 counting the whole frame", () -> LengthDelimitedCodec.builder()
                    .lengthFieldOffset(1).lengthFieldLength(2).lengthAdjustment(-3).numSkip(3).build(),
                    concat(new byte[] {(byte) 0xCA, 0x00, 0x0F, (byte) 0xFE}, HELLO), concat(new byte[] {(byte) 0xFE}, HELLO)),
            new Layout("3-byte length, 4-byte head skipped", () -> LengthDelimitedCodec.builder()
                    .lengthFieldLength(3).numSkip(4).build(),
                    concat(new byte[] {0x00, 0x00, 0x0B, (byte) 0xFF}, HELLO), HELLO),
            new Layout("empty frame, 8-byte length", () -> LengthDelimitedCodec.builder().lengthFieldLength(8).build(),
                    new byte[8], new byte[0]));

    @AsyncTest
    void everyLayout_decodesTwoFramesInARow_forEverySplitPoint_andOneByteReads() {
        for (Layout layout : LAYOUTS) {
            byte[] input = concat(layout.wire(), layout.wire());
            List<Object> expected = List.of(ByteBuffer.wrap(layout.decoded()), ByteBuffer.wrap(layout.decoded()));
            for (int[] cuts : Splits.everySplitPoint(input.length)) {
                assertThat(Frames.decode(layout.codec().get(), input, cuts)).as(layout.name() + ": " + describe(input, cuts))
                        .isEqualTo(expected);
            }
            int[] oneByte = Splits.oneByteChunks(input.length);
            assertThat(Frames.decode(layout.codec().get(), input, oneByte)).as(layout.name() + ": one-byte reads")
                    .isEqualTo(expected);
        }
    }

    @RepeatedTest(50)
    void encodedFrames_decodeToThePayloads_inAnyConfiguration_andAnyCuts(RepetitionInfo repetition) {
        long seed = 0x1E6_0000L + repetition.getCurrentRepetition();
        SplittableRandom random = new SplittableRandom(seed);
        int width = 1 + random.nextInt(8);
        int adjustment = random.nextInt(9) - 4;
        LengthDelimitedCodec.Builder builder = LengthDelimitedCodec.builder().lengthFieldLength(width)
                .lengthAdjustment(adjustment).maxFrameLength(random.nextInt(1000));
        if (random.nextBoolean()) {
            builder.littleEndian();
        }
        LengthDelimitedCodec encoder = builder.build();
        int max = encoder.maxFrameLength();
        List<Object> payloads = new ArrayList<>();
        ByteBuf wire = new ByteBuf(16);
        for (int i = random.nextInt(20); i > 0; i--) {
            int length = randomLength(random, adjustment, max);
            if (length < 0) {
                break;
            }
            byte[] payload = new byte[length];
            random.nextBytes(payload);
            encoder.encode(ByteBuffer.wrap(payload), wire);
            payloads.add(ByteBuffer.wrap(payload));
        }
        byte[] input = wire.toByteArray();
        int[] cuts = Splits.random(random, input.length, 1 + random.nextInt(50));

        List<Object> decoded = RuntimeFlavor.CURRENT_THREAD.run(() -> Frames.decode(builder.build(), input, cuts));

        assertThat(decoded).as("seed %d: %s, %s", seed, encoder, describe(input, cuts)).isEqualTo(payloads);
    }

    /** A payload length the codec encodes and decodes back (see maxFrameLength), or -1 if there is none. */
    private static int randomLength(SplittableRandom random, int adjustment, int max) {
        int lowest = Math.max(0, adjustment);
        int highest = Math.min(max, max + adjustment);
        return highest < lowest ? -1 : lowest + random.nextInt(Math.min(highest, lowest + 300) - lowest + 1);
    }

    @Test
    void aLengthFieldOverTheMaximum_isRefusedFromTheHeaderAlone_andConsumesNothing() {
        LengthDelimitedCodec codec = LengthDelimitedCodec.builder().maxFrameLength(1024).build();
        ByteBuffer header = ByteBuffer.wrap(new byte[] {0x00, 0x00, 0x04, 0x01});

        assertThatThrownBy(() -> codec.decode(header)).isInstanceOf(FrameTooLongException.class)
                .hasMessage("length field of 1025 bytes is over the maximum frame length of 1024")
                .satisfies(e -> assertThat(((FrameTooLongException) e).limit()).isEqualTo(1024));
        assertThat(header.position()).isZero();
    }

    @Test
    void anEightByteLengthField_isReadUnsigned() {
        LengthDelimitedCodec codec = LengthDelimitedCodec.builder().lengthFieldLength(8).build();
        ByteBuffer header = ByteBuffer.wrap(new byte[] {-1, -1, -1, -1, -1, -1, -1, -1});

        assertThatThrownBy(() -> codec.decode(header)).isInstanceOf(FrameTooLongException.class)
                .hasMessageContaining("18446744073709551615");
    }

    @AsyncTest(everyFlavor = true)
    void aHeaderAnnouncingTwoGibibytes_overAPipe_failsTheRead_withoutGrowingTheBuffer() {
        Pipe pipe = Pipe.duplex(64);
        FramedRead<ByteBuffer> frames = new FramedRead<>(pipe.server(), new LengthDelimitedCodec());
        pipe.client().writeAll(ByteBuffer.wrap(new byte[] {0x7F, -1, -1, -1, 1, 2, 3})).await();

        assertThatThrownBy(() -> frames.next().await()).isInstanceOf(FrameTooLongException.class)
                .hasMessageContaining("2147483647").hasMessageContaining("8388608");
        assertThat(frames.readBuffer().capacity()).isEqualTo(8 * 1024);
    }

    @Test
    void aLengthThatTheAdjustmentMakesNegative_isACodecException() {
        LengthDelimitedCodec codec = LengthDelimitedCodec.builder().lengthFieldLength(1).lengthAdjustment(-4).build();
        assertThatThrownBy(() -> codec.decode(ByteBuffer.wrap(new byte[] {2, 0, 0}))).isInstanceOf(CodecException.class)
                .hasMessageContaining("frame length of -2");
    }

    @AsyncTest
    void encodingAPayloadOverTheMaximum_failsTheSend_andBuffersNothing() {
        Pipe pipe = Pipe.duplex(64);
        FramedWrite<ByteBuffer> out = new FramedWrite<>(pipe.client(),
                LengthDelimitedCodec.builder().maxFrameLength(4).build());
        out.feed(ByteBuffer.wrap(new byte[] {1, 2})).await();

        assertThatThrownBy(() -> out.send(ByteBuffer.wrap(new byte[5])).await()).isInstanceOf(FrameTooLongException.class)
                .hasMessage("payload of 5 bytes is over the maximum frame length of 4");
        assertThat(out.writeBuffer().toByteArray()).containsExactly(0, 0, 0, 2, 1, 2);
    }

    @Test
    void encode_writesTheAdjustedLengthInTheConfiguredByteOrder_thenThePayload() {
        ByteBuf wire = new ByteBuf(8);
        LengthDelimitedCodec.builder().lengthFieldLength(3).littleEndian().lengthAdjustment(-3).build()
                .encode(ByteBuffer.wrap(new byte[] {9, 8}), wire);
        assertThat(wire.toByteArray()).containsExactly(5, 0, 0, 9, 8);
    }

    @Test
    void theMaximum_isCappedByWhatTheLengthFieldCanHold() {
        assertThat(LengthDelimitedCodec.builder().lengthFieldLength(1).build().maxFrameLength()).isEqualTo(255);
        assertThat(LengthDelimitedCodec.builder().lengthFieldLength(2).lengthAdjustment(-2).build().maxFrameLength())
                .isEqualTo(65_533);
        assertThat(new LengthDelimitedCodec().maxFrameLength()).isEqualTo(8 * 1024 * 1024);
    }

    @Test
    void theStreamEndingInsideAFrame_isACodecException() {
        LengthDelimitedCodec codec = new LengthDelimitedCodec();
        ByteBuffer headerOnly = ByteBuffer.wrap(new byte[] {0, 0, 0, 3});
        assertThatThrownBy(() -> codec.decodeEof(headerOnly)).isInstanceOf(CodecException.class)
                .hasMessage("the stream ended after 0 bytes of a frame of 3 bytes");
        assertThatThrownBy(() -> new LengthDelimitedCodec().decodeEof(ByteBuffer.wrap(new byte[] {0, 0})))
                .isInstanceOf(CodecException.class).hasMessage("the stream ended after 2 bytes of a header of 4 bytes");
        assertThat(new LengthDelimitedCodec().decodeEof(ByteBuffer.allocate(0))).isNull();
    }

    @Test
    void builderPreconditions_stateTheRuleAndTheValue() {
        assertThatThrownBy(() -> LengthDelimitedCodec.builder().lengthFieldLength(0))
                .hasMessage("lengthFieldLength is not within [1, 8]: 0");
        assertThatThrownBy(() -> LengthDelimitedCodec.builder().lengthFieldLength(9))
                .hasMessage("lengthFieldLength is not within [1, 8]: 9");
        assertThatThrownBy(() -> LengthDelimitedCodec.builder().lengthFieldOffset(-1)).hasMessage("lengthFieldOffset < 0: -1");
        assertThatThrownBy(() -> LengthDelimitedCodec.builder().numSkip(-1)).hasMessage("numSkip < 0: -1");
        assertThatThrownBy(() -> LengthDelimitedCodec.builder().maxFrameLength(-1)).hasMessage("maxFrameLength < 0: -1");
    }
}
