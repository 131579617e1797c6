package dev.weft.codec;

/**
 * Thrown when bytes cannot be decoded into a frame or a frame cannot be encoded: malformed input (a
 * line that is not UTF-8, a length field that makes no sense) or a stream that ends inside a frame. A
 * frame over its codec's maximum is a {@link FrameTooLongException} instead.
 *
 * {@snippet :
 * static Async<Optional<String>> nextLineOrNothing(FramedRead<String> lines) {
 *     return Async.of(() -> {
 *         try {
 *             return lines.next().await();
 *         } catch (CodecException malformed) {
 *             return Optional.empty();
 *         }
 *     });
 * }
 * }
 */
public class CodecException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** An exception saying what is wrong with the input. */
    public CodecException(String message) {
        super(message);
    }

    /** An exception saying what is wrong with the input, and the failure that revealed it. */
    public CodecException(String message, Throwable cause) {
        super(message, cause);
    }
}
