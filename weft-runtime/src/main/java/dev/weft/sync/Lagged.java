package dev.weft.sync;

/**
 * Thrown to a {@link Broadcast} receiver that fell so far behind that values it had not received yet
 * were overwritten: Tokio's {@code RecvError::Lagged(n)}. {@link #skipped()} is the number of values it
 * missed. The receiver has already moved on to the oldest value the channel still holds, so the next
 * receive returns that value; catching {@code Lagged} and receiving again continues the stream.
 *
 * <p>It carries no stack trace: it is an expected outcome of a slow consumer, not a bug.
 *
 * {@snippet :
 * long missed = 0;
 * while (true) {
 *     try {
 *         Optional<Quote> quote = quotes.receive().await();
 *         if (quote.isEmpty()) {
 *             break;                          // every sender closed
 *         }
 *         show(quote.get());
 *     } catch (Lagged lagged) {
 *         missed += lagged.skipped();         // and go on with the oldest quote still kept
 *     }
 * }
 * }
 */
public final class Lagged extends ChannelException {

    private static final long serialVersionUID = 1L;

    private final long skipped;

    /**
     * Creates the outcome for a receiver that missed {@code skipped} values.
     *
     * @throws IllegalArgumentException if {@code skipped <= 0}
     */
    public Lagged(long skipped) {
        super("the receiver fell behind and missed " + skipped + " values", false);
        if (skipped <= 0) {
            throw new IllegalArgumentException("skipped <= 0: " + skipped);
        }
        this.skipped = skipped;
    }

    /** The number of values the receiver missed. */
    public long skipped() {
        return skipped;
    }
}
