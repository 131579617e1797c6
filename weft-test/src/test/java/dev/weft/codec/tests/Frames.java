package dev.weft.codec.tests;

import dev.weft.codec.Decoder;
import dev.weft.codec.FramedRead;
import dev.weft.io.tests.ChunkedSource;
import dev.weft.io.tests.LineOutcomes;

import java.util.List;

/** Runs a decoder through a {@link FramedRead} over input cut into chunks, collecting frames and errors. */
final class Frames {

    private Frames() {
    }

    /**
     * The frames {@code decoder} yields from {@code input} delivered in reads cut at {@code cuts}, with
     * the markers of {@link LineOutcomes} where {@code next()} failed (reading then goes on). Must be
     * called from a task.
     */
    static <T> List<Object> decode(Decoder<T> decoder, byte[] input, int[] cuts) {
        return LineOutcomes.collect(new FramedRead<>(new ChunkedSource(input, cuts), decoder));
    }
}
