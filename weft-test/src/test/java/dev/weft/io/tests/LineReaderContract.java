package dev.weft.io.tests;

import dev.weft.test.AsyncTest;
import dev.weft.test.RuntimeFlavor;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.SplittableRandom;

import static dev.weft.io.tests.IoTestSupport.bytes;
import static dev.weft.io.tests.IoTestSupport.concat;
import static dev.weft.io.tests.IoTestSupport.randomLineText;
import static dev.weft.io.tests.Splits.describe;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The properties every line reader has: its lines are the same however the input is cut into reads
 * (every split point, one-byte reads, every partition of short inputs, random cuts of random inputs,
 * with the seed in the failure message), and they are those of the reference model in
 * {@link LineOutcomes}. A test class per reader extends this one.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
public abstract class LineReaderContract {

    /** The maximum line length the readers under test are given. */
    protected static final int MAX_LENGTH = 8;

    private static final List<byte[]> INPUTS = List.of(
            bytes(""), bytes("a"), bytes("\n"), bytes("\r"), bytes("one\ntwo\n"), bytes("one\r\ntwo\r\n"),
            bytes("no newline"), bytes("last"), bytes("x\r"), bytes("\r\n\r\n\n"), bytes("é✓𝄞\n𝄞\n"),
            bytes("12345678\n123456789\nok"), bytes("far too long a line\nok\n"), bytes("\n\n\nlast"),
            bytes("ab\r\r\ncd"), bytes("ab\r\r\ncd\r"),
            concat(bytes("ok\n"), new byte[] {(byte) 0xC3, '\n'}, bytes("fine\n")),
            concat(bytes("a"), new byte[] {(byte) 0xF0, (byte) 0x9D}),
            concat(bytes("a"), new byte[] {(byte) 0xF0, (byte) 0x9D}, bytes("\nend")));

    /** The lines (and failure markers) the reader under test yields for {@code input} read in {@code cuts}. */
    protected abstract List<Object> read(byte[] input, int[] cuts);

    /** Whether the reader drops a {@code \r} that ends the input's last line when it has no newline. */
    protected abstract boolean lastLineLosesCarriageReturn();

    private List<Object> expected(byte[] input) {
        return LineOutcomes.expected(input, MAX_LENGTH, lastLineLosesCarriageReturn());
    }

    @AsyncTest
    void linesAreTheSame_forEverySplitPoint_andOneByteReads() {
        for (byte[] input : INPUTS) {
            List<Object> expected = expected(input);
            for (int[] cuts : Splits.everySplitPoint(input.length)) {
                assertThat(read(input, cuts)).as(describe(input, cuts)).isEqualTo(expected);
            }
            int[] oneByte = Splits.oneByteChunks(input.length);
            assertThat(read(input, oneByte)).as(describe(input, oneByte)).isEqualTo(expected);
        }
    }

    @AsyncTest(timeoutMillis = 60_000)
    void linesAreTheSame_forEveryPartitionOfShortInputs() {
        for (byte[] input : INPUTS) {
            if (input.length <= 16) {
                List<Object> expected = expected(input);
                for (int[] cuts : Splits.everyPartition(input.length)) {
                    assertThat(read(input, cuts)).as(describe(input, cuts)).isEqualTo(expected);
                }
            }
        }
    }

    @RepeatedTest(20)
    void linesAreThoseOfTheReference_forRandomInputsCutAtRandom(RepetitionInfo repetition) {
        long seed = 0x11E5_0000L + repetition.getCurrentRepetition();
        SplittableRandom random = new SplittableRandom(seed);
        RuntimeFlavor.CURRENT_THREAD.run(() -> {
            for (int round = 0; round < 50; round++) {
                byte[] input = randomLineText(random, true);
                int[] cuts = Splits.random(random, input.length, 1 + random.nextInt(6));
                assertThat(read(input, cuts)).as("seed %d, round %d: %s", seed, round, describe(input, cuts))
                        .isEqualTo(expected(input));
            }
        });
    }
}
