package dev.weft.io.tests;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Ways to cut an input of a given length into chunks, as ascending arrays of cut points (a cut at i
 * starts a new chunk at index i), for feeding a reader or decoder every way its input can arrive.
 */
public final class Splits {

    private Splits() {
    }

    /** Every way to cut the input in two (including not at all): one cut at each index 0 to length. */
    public static List<int[]> everySplitPoint(int length) {
        return IntStream.rangeClosed(0, length).mapToObj(i -> new int[] {i}).toList();
    }

    /** Cuts between every pair of bytes: chunks of one byte. */
    public static int[] oneByteChunks(int length) {
        return IntStream.range(1, Math.max(1, length)).toArray();
    }

    /** Every subset of the cut points 1 to length - 1: 2^(length-1) ways, for short inputs only. */
    public static List<int[]> everyPartition(int length) {
        if (length > 16) {
            throw new IllegalArgumentException("length > 16: " + length);
        }
        List<int[]> all = new ArrayList<>();
        int points = Math.max(0, length - 1);
        for (int mask = 0; mask < 1 << points; mask++) {
            int chosen = mask;
            all.add(IntStream.range(0, points).filter(bit -> (chosen & 1 << bit) != 0).map(bit -> bit + 1).toArray());
        }
        return all;
    }

    /** Random cuts: each index of the input is a cut with probability 1/meanChunk. */
    public static int[] random(SplittableRandom random, int length, int meanChunk) {
        return IntStream.range(1, Math.max(1, length)).filter(i -> random.nextInt(meanChunk) == 0).toArray();
    }

    /** Says which input and which cuts, for assertion messages. */
    public static String describe(byte[] input, int[] cuts) {
        return "input " + HexFormat.of().formatHex(input) + " cut at " + Arrays.toString(cuts);
    }
}
