package dev.weft.io;

/**
 * Thrown when input or a buffer would grow past its configured maximum: a line longer than a
 * {@link BufReader}'s limit, or a {@link ByteBuf} asked to hold more than its maximum capacity. The
 * limit is checked before anything is allocated for the excess.
 *
 * {@snippet :
 * static Async<Optional<String>> firstLineOrNothing(BufReader reader) {
 *     return Async.of(() -> {
 *         try {
 *             return reader.readLine(80).await();
 *         } catch (LimitExceededException tooLong) {
 *             return Optional.empty();   // the over-long line is skipped by the next readLine
 *         }
 *     });
 * }
 * }
 */
public class LimitExceededException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long limit;

    /**
     * An exception saying what was too large, and the limit it went past.
     *
     * @param message what was too large
     * @param limit   the limit, in bytes
     */
    public LimitExceededException(String message, long limit) {
        super(message);
        this.limit = limit;
    }

    /** The limit that was exceeded, in bytes. */
    public long limit() {
        return limit;
    }
}
