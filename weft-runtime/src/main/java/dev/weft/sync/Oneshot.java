package dev.weft.sync;

import dev.weft.Async;

/**
 * A channel for exactly one value: Tokio's {@code tokio::sync::oneshot}. The usual reply path of a
 * request sent over an {@link Mpsc} channel: the requester keeps the {@link Receiver} and sends the
 * {@link Sender} along with the request.
 *
 * {@snippet :
 * record Get(String key, Oneshot.Sender<String> reply) { }
 *
 * AsyncRuntime.run(() -> {
 *     Mpsc.Channel<Get> requests = Mpsc.bounded(32);
 *     Weft.spawn(Async.run(() -> {                  // the server
 *         Optional<Get> request;
 *         while ((request = requests.receiver().receive().await()).isPresent()) {
 *             request.get().reply().send("value of " + request.get().key());
 *         }
 *     }));
 *     Oneshot.Channel<String> reply = Oneshot.create();
 *     requests.sender().send(new Get("answer", reply.sender())).await();
 *     System.out.println(reply.receiver().receive().await());
 *     requests.sender().close();
 * });
 * }
 *
 * <p>The value may be null ({@code Oneshot<Void>} is a fine completion signal). A sender that will not
 * send must be closed (try-with-resources: closing after a send does nothing), so that the receiver
 * learns that no value will come instead of waiting forever.
 *
 * <h2>Cancellation</h2>
 * {@link Receiver#receive()} and {@link Sender#closed()} are cancel-safe: a cancelled receive has not
 * taken the value, which the next receive gets. {@link Sender#send} never waits.
 *
 * <h2>Memory consistency effects</h2>
 * Actions of the sending thread before {@link Sender#send} happen-before the actions that follow the
 * receipt of the value.
 */
public final class Oneshot {

    private Oneshot() {
    }

    /** A new channel. */
    public static <T> Channel<T> create() {
        OneshotCell<T> cell = new OneshotCell<>();
        return new Channel<>(new OneshotSender<>(cell), new OneshotReceiver<>(cell));
    }

    /**
     * The two ends of a new channel.
     *
     * {@snippet :
     * Oneshot.Channel<Integer> answer = Oneshot.create();
     * Weft.spawn(Async.run(() -> answer.sender().send(6 * 7)));
     * int value = answer.receiver().receive().await();
     * }
     *
     * @param sender   the sender
     * @param receiver the receiver
     * @param <T>      the type of the value
     */
    public record Channel<T>(Sender<T> sender, Receiver<T> receiver) {
    }

    /**
     * The sending end of a {@link Oneshot} channel: sends one value, or closes without one.
     * Thread-safe.
     *
     * {@snippet :
     * try (reply) {                           // closes without a value if compute() throws
     *     if (!reply.send(compute())) {
     *         abandoned++;                    // the requester closed its receiver
     *     }
     * }
     * }
     *
     * @param <T> the type of the value
     */
    public sealed interface Sender<T> extends AutoCloseable permits OneshotSender {

        /**
         * Sends {@code value} (may be null); never waits.
         *
         * @return true if the value was delivered to the channel; false if the receiver had closed (the
         *         caller keeps the value)
         * @throws IllegalStateException if a value was already sent or this sender was closed
         */
        boolean send(T value);

        /**
         * Closes the sender without sending, so that the receiver fails with
         * {@link ChannelClosedException} instead of waiting. Does nothing after a send; idempotent.
         */
        @Override
        void close();

        /** True when the receiver has closed or has received the value: sending would deliver nothing. */
        boolean isClosed();

        /**
         * An operation that completes when the receiver closes or receives the value: lets a producer stop
         * computing a reply nobody waits for any more, for example in a {@code Select} next to the work.
         *
         * <h4>Cancellation</h4>
         * Cancel-safe; it consumes nothing.
         */
        Async<Void> closed();
    }

    /**
     * The receiving end of a {@link Oneshot} channel. Serves one task at a time.
     *
     * {@snippet :
     * try {
     *     return Time.timeout(Duration.ofSeconds(5), reply.receive()).await();
     * } catch (ChannelClosedException noReply) {   // the server dropped the request
     *     return "no answer";
     * } catch (Elapsed tooSlow) {                  // a later receive would still get the value
     *     return "too slow";
     * }
     * }
     *
     * @param <T> the type of the value
     */
    public sealed interface Receiver<T> extends AutoCloseable permits OneshotReceiver {

        /**
         * An operation that waits for the value and returns it.
         *
         * <h4>Cancellation</h4>
         * Cancel-safe: a cancelled receive has not taken the value.
         *
         * @return an operation whose value is the one sent; awaiting it throws
         *         {@link ChannelClosedException} if the sender closed without sending (or this receiver
         *         closed before a value came), and {@link IllegalStateException} if the value was already
         *         received
         */
        Async<T> receive();

        /**
         * Takes the value if it has been sent, without waiting.
         *
         * @return {@link ReceiveResult.Received} with the value, {@link ReceiveResult.Empty} if it has not
         *         been sent yet, {@link ReceiveResult.Disconnected} if it never will be, or was already
         *         received
         */
        ReceiveResult<T> tryReceive();

        /**
         * Waits for the value from a thread that is not a Weft task, blocking the thread.
         *
         * @throws ChannelClosedException if the sender closed without sending
         * @throws InterruptedException   if the thread is interrupted while it waits; the value is then
         *                                not taken
         * @throws IllegalStateException  if the value was already received
         */
        T blockingReceive() throws InterruptedException;

        /**
         * Closes the receiver: a later {@link Sender#send} returns false, and {@link Sender#closed()}
         * completes. A value sent before the close can still be received. Idempotent.
         */
        @Override
        void close();
    }
}
