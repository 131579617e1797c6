package dev.weft.io.tests;

import dev.weft.io.BufReader;
import dev.weft.io.ByteBuf;
import dev.weft.io.LimitExceededException;
import dev.weft.test.AsyncTest;
import dev.weft.test.RuntimeFlavor;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * BufReader's lines and segments are the same however the input is cut into reads: every split point,
 * one-byte reads, every partition of short inputs, and random cuts (the seed is in the failure message).
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BufReaderSplitTest {

    private static final int MAX_LENGTH = 8;
    private static final String TOO_LONG = "<too long>";
    private static final String MALFORMED = "<malformed>";

    private static final List<byte[]> INPUTS = List.of(
            bytes(""), bytes("a"), bytes("\n"), bytes("\r"), bytes("one\ntwo\n"), bytes("one\r\ntwo\r\n"),
            bytes("no newline"), bytes("x\r"), bytes("\r\n\r\n\n"), bytes("é✓𝄞\n𝄞\n"), bytes("12345678\n123456789\nok"),
            bytes("far too long a line\nok\n"), bytes("\n\n\nlast"), bytes("ab\r\r\ncd"),
            concat(bytes("ok\n"), new byte[] {(byte) 0xC3, '\n'}, bytes("fine\n")),
            concat(bytes("a"), new byte[] {(byte) 0xF0, (byte) 0x9D}, bytes("\nend")));

    @AsyncTest
    void readLine_givesTheSameLines_forEverySplitPoint_andOneByteReads() {
        for (byte[] input : INPUTS) {
            List<String> expected = expectedLines(input);
            for (int[] cuts : Splits.everySplitPoint(input.length)) {
                assertThat(readLines(input, cuts)).as(describe(input, cuts)).isEqualTo(expected);
            }
            int[] oneByte = Splits.oneByteChunks(input.length);
            assertThat(readLines(input, oneByte)).as(describe(input, oneByte)).isEqualTo(expected);
        }
    }

    @AsyncTest(timeoutMillis = 60_000)
    void readLine_givesTheSameLines_forEveryPartitionOfShortInputs() {
        for (byte[] input : INPUTS) {
            if (input.length > 14) {
                continue;
            }
            List<String> expected = expectedLines(input);
            for (int[] cuts : Splits.everyPartition(input.length)) {
                assertThat(readLines(input, cuts)).as(describe(input, cuts)).isEqualTo(expected);
            }
        }
    }

    @RepeatedTest(20)
    void readLine_givesTheSameLines_forRandomInputsCutAtRandom(RepetitionInfo repetition) {
        long seed = 0xB0F_0000L + repetition.getCurrentRepetition();
        SplittableRandom random = new SplittableRandom(seed);
        RuntimeFlavor.CURRENT_THREAD.run(() -> {
            for (int round = 0; round < 50; round++) {
                byte[] input = randomLines(random);
                int[] cuts = Splits.random(random, input.length, 1 + random.nextInt(6));
                assertThat(readLines(input, cuts)).as("seed %d, round %d: %s", seed, round, describe(input, cuts))
                        .isEqualTo(expectedLines(input));
            }
        });
    }

    @AsyncTest
    void readUntil_givesTheSameSegments_forEverySplitPoint_andOneByteReads() {
        byte[] input = bytes("a;bb;;ccc;tail");
        List<String> expected = List.of("a;", "bb;", ";", "ccc;", "tail");
        for (int[] cuts : Splits.everySplitPoint(input.length)) {
            assertThat(readSegments(input, cuts)).as(describe(input, cuts)).isEqualTo(expected);
        }
        int[] oneByte = Splits.oneByteChunks(input.length);
        assertThat(readSegments(input, oneByte)).as(describe(input, oneByte)).isEqualTo(expected);
    }

    private static List<String> readLines(byte[] input, int[] cuts) {
        BufReader reader = new BufReader(new ChunkedSource(input, cuts), 4);
        List<String> lines = new ArrayList<>();
        while (true) {
            try {
                Optional<String> line = reader.readLine(MAX_LENGTH).await();
                if (line.isEmpty()) {
                    return lines;
                }
                lines.add(line.get());
            } catch (LimitExceededException e) {
                lines.add(TOO_LONG);
            } catch (UncheckedIOException e) {
                assertThat(e).hasCauseInstanceOf(CharacterCodingException.class);
                lines.add(MALFORMED);
            }
        }
    }

    private static List<String> readSegments(byte[] input, int[] cuts) {
        BufReader reader = new BufReader(new ChunkedSource(input, cuts), 2);
        ByteBuf sink = new ByteBuf(4);
        List<String> segments = new ArrayList<>();
        for (int n; (n = reader.readUntil((byte) ';', sink, MAX_LENGTH).await()) > 0; ) {
            segments.add(new String(sink.toByteArray(), StandardCharsets.UTF_8));
            assertThat(sink.readableBytes()).isEqualTo(n);
            sink.clear();
        }
        return segments;
    }

    /** The reference: split at each newline; a last line keeps its {@code \r}; over-long lines are errors. */
    private static List<String> expectedLines(byte[] input) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < input.length) {
            int newline = indexOf(input, start);
            int end = newline >= 0 ? newline : input.length;
            if (end - start > MAX_LENGTH) {
                lines.add(TOO_LONG);
            } else {
                int contentEnd = newline >= 0 && end > start && input[end - 1] == '\r' ? end - 1 : end;
                lines.add(strictUtf8(Arrays.copyOfRange(input, start, contentEnd)));
            }
            start = end + 1;
        }
        return lines;
    }

    private static int indexOf(byte[] input, int from) {
        for (int i = from; i < input.length; i++) {
            if (input[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return MALFORMED;
        }
    }

    private static byte[] randomLines(SplittableRandom random) {
        String alphabet = "ab\r\n\né𝄞";
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(40); i > 0; i--) {
            text.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0, random.nextInt(7))));
        }
        return bytes(text.toString());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        return all.toByteArray();
    }

    private static String describe(byte[] input, int[] cuts) {
        return "input " + HexFormat.of().formatHex(input) + " cut at " + Arrays.toString(cuts);
    }
}
