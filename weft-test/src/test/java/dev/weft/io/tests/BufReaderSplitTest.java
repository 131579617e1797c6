package dev.weft.io.tests;

import dev.weft.io.BufReader;
import dev.weft.io.ByteBuf;
import dev.weft.test.AsyncTest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static dev.weft.io.tests.IoTestSupport.bytes;
import static dev.weft.io.tests.Splits.describe;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * BufReader's lines and segments are the same however the input is cut into reads: every split point,
 * one-byte reads, every partition of short inputs, and random cuts (the seed is in the failure message).
 */
class BufReaderSplitTest extends LineReaderContract {

    @Override
    protected List<Object> read(byte[] input, int[] cuts) {
        return LineOutcomes.collect(new BufReader(new ChunkedSource(input, cuts), 4).lines(MAX_LENGTH));
    }

    @Override
    protected boolean lastLineLosesCarriageReturn() {
        return false;
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

}
