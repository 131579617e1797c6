package dev.weft.sync;

/**
 * Thrown by a channel operation that cannot complete because the other side has closed: sending into
 * an {@link Mpsc} channel whose receiver is closed, receiving from a {@link Oneshot} whose sender closed
 * without sending, waiting for a change of a {@link Watch} whose sender closed.
 *
 * <p>It is about the other side. Using a handle after closing it yourself is a programming error and
 * throws {@link IllegalStateException} instead.
 *
 * {@snippet :
 * try {
 *     jobs.send(job).await();
 * } catch (ChannelClosedException workerGone) {
 *     fallback.add(job);              // the send did not happen: the job is still ours
 * }
 * }
 */
public class ChannelClosedException extends ChannelException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that says which channel closed. */
    public ChannelClosedException(String message) {
        super(message);
    }
}
