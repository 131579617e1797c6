package dev.weft.sync;

/**
 * The common type of the failures of Weft's channels ({@link Mpsc}, {@link Oneshot}, {@link Broadcast},
 * {@link Watch}): a closed channel ({@link ChannelClosedException}) and a broadcast receiver that fell
 * behind ({@link Lagged}). Catch it to handle every channel outcome that is not a value in one place.
 *
 * {@snippet :
 * try {
 *     Optional<Event> event = events.receive().await();
 *     event.ifPresent(this::handle);
 * } catch (ChannelException lostOrClosed) {    // Lagged from a Broadcast receiver, or a closed channel
 *     resynchronize();
 * }
 * }
 */
public class ChannelException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that says what happened. */
    public ChannelException(String message) {
        super(message);
    }

    /**
     * For outcomes that are part of a channel's normal flow, like {@link Lagged}: without a stack trace,
     * which would cost more than the outcome and say nothing about it.
     */
    protected ChannelException(String message, boolean withStackTrace) {
        super(message, null, false, withStackTrace);
    }
}
