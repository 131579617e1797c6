package dev.weft.codec.tests;

import dev.weft.codec.CodecException;
import dev.weft.codec.FrameTooLongException;
import dev.weft.codec.FramedRead;
import dev.weft.codec.LinesCodec;
import dev.weft.io.ByteBuf;
import dev.weft.io.tests.ChunkedSource;
import dev.weft.io.tests.LineReaderContract;
import dev.weft.io.tests.Splits;
import dev.weft.test.AsyncTest;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static dev.weft.io.tests.IoTestSupport.bytes;
import static dev.weft.io.tests.IoTestSupport.concat;
import static dev.weft.io.tests.IoTestSupport.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * LinesCodec with Tokio's maximum-length semantics, fed every way its input can be cut: every split
 * point, one-byte reads, every partition of short inputs, random cuts of random inputs (seeded).
 */
class LinesCodecTest extends LineReaderContract {

    @Override
    protected List<Object> read(byte[] input, int[] cuts) {
        return Frames.decode(new LinesCodec(MAX_LENGTH), input, cuts);
    }

    @Override
    protected boolean lastLineLosesCarriageReturn() {
        return true;
    }

    @Test
    void aLineOfExactlyTheMaximum_isAccepted_andOneMoreByteIsTooLong_assoonAsItArrives() {
        LinesCodec codec = new LinesCodec(5);
        assertThat(codec.decode(utf8("12345\n"))).isEqualTo("12345");

        ByteBuffer sixBytesNoNewline = utf8("123456");
        assertThatThrownBy(() -> codec.decode(sixBytesNoNewline)).isInstanceOf(FrameTooLongException.class)
                .hasMessageContaining("maximum of 5 bytes")
                .satisfies(e -> assertThat(((FrameTooLongException) e).limit()).isEqualTo(5));
        assertThat(codec.decode(utf8("789\nnext\n"))).as("the rest of the long line is skipped").isEqualTo("next");
    }

    @AsyncTest
    void anEndlessLine_isRejected_andSkipped_withoutTheReadBufferGrowing() {
        byte[] endless = new byte[1 << 20];
        Arrays.fill(endless, (byte) 'x');
        byte[] input = concat(endless, bytes("\nafter\n"));
        FramedRead<String> lines = new FramedRead<>(
                new ChunkedSource(input, Splits.random(new SplittableRandom(11), input.length, 3000)), new LinesCodec(100));

        assertThatThrownBy(() -> lines.next().await()).isInstanceOf(FrameTooLongException.class);
        assertThat(lines.next().await()).contains("after");
        assertThat(lines.next().await()).isEmpty();
        assertThat(lines.readBuffer().capacity()).as("the read buffer never grew").isEqualTo(8 * 1024);
    }

    @Test
    void decodeEof_returnsTheLastLineWithoutItsCarriageReturn_andNothingForALoneOne() {
        assertThat(new LinesCodec().decodeEof(utf8("tail\r"))).isEqualTo("tail");
        ByteBuffer loneReturn = utf8("\r");
        assertThat(new LinesCodec().decodeEof(loneReturn)).isNull();
        assertThat(loneReturn.hasRemaining()).isFalse();
    }

    @Test
    void aLineThatIsNotUtf8_isACodecException_andIsConsumed() {
        LinesCodec codec = new LinesCodec();
        ByteBuffer input = ByteBuffer.wrap(concat(new byte[] {(byte) 0xFF, '\n'}, bytes("ok\n")));
        assertThatThrownBy(() -> codec.decode(input)).isInstanceOf(CodecException.class)
                .hasCauseInstanceOf(CharacterCodingException.class);
        assertThat(codec.decode(input)).isEqualTo("ok");
    }

    @Test
    void encode_appendsTheLineInUtf8AndANewline() {
        ByteBuf out = new ByteBuf(4);
        new LinesCodec().encode("héllo", out);
        assertThat(out.toByteArray()).isEqualTo(bytes("héllo\n"));
    }

    @Test
    void maxLength_defaultsTo64KiB_andMustNotBeNegative() {
        assertThat(new LinesCodec().maxLength()).isEqualTo(64 * 1024);
        assertThatThrownBy(() -> new LinesCodec(-1)).hasMessage("maxLength < 0: -1");
    }

}
