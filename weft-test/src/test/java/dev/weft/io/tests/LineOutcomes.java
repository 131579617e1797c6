package dev.weft.io.tests;

import dev.weft.codec.CodecException;
import dev.weft.io.LimitExceededException;
import dev.weft.stream.AsyncStream;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What a line reader yields for an input: each line, or a marker where reading it failed. Holds the
 * reference model the line readers are checked against, and the loop that collects what a reader
 * actually yields, going on after each failure as a caller that skips bad lines would.
 */
public final class LineOutcomes {

    /** Marks a line over the maximum length. */
    public static final String TOO_LONG = "<too long>";
    /** Marks a line that is not valid UTF-8. */
    public static final String MALFORMED = "<malformed>";

    private LineOutcomes() {
    }

    /**
     * The reference: a line ends at each newline or at the end of the input; a line ended by a newline
     * loses one trailing {@code \r}, and so does the last line if {@code lastLineLosesCarriageReturn}
     * (then a lone last {@code \r} is no line); lines over {@code maxLength} bytes are {@link #TOO_LONG}.
     */
    public static List<Object> expected(byte[] input, int maxLength, boolean lastLineLosesCarriageReturn) {
        List<Object> lines = new ArrayList<>();
        int start = 0;
        while (start < input.length) {
            int newline = IoTestSupport.indexOf(input, (byte) '\n', start);
            int end = newline >= 0 ? newline : input.length;
            boolean stripsReturn = newline >= 0 || lastLineLosesCarriageReturn;
            int contentEnd = stripsReturn && end > start && input[end - 1] == '\r' ? end - 1 : end;
            if (end - start > maxLength) {
                lines.add(TOO_LONG);
            } else if (newline >= 0 || contentEnd > start) {
                byte[] content = Arrays.copyOfRange(input, start, contentEnd);
                lines.add(IoTestSupport.strictUtf8(content).orElse(MALFORMED));
            }
            start = end + 1;
        }
        return lines;
    }

    /** Everything {@code lines} yields until it ends, with markers for the failures. Call it from a task. */
    public static List<Object> collect(AsyncStream<?> lines) {
        List<Object> out = new ArrayList<>();
        while (true) {
            try {
                Optional<?> line = lines.next().await();
                if (line.isEmpty()) {
                    return out;
                }
                out.add(line.get());
            } catch (LimitExceededException e) {
                out.add(TOO_LONG);
            } catch (UncheckedIOException | CodecException e) {
                out.add(MALFORMED);
            }
        }
    }
}
