package dev.weft.sync;

import dev.weft.Async;
import dev.weft.stream.AsyncStream;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Multi-producer, single-consumer channels: Tokio's {@code tokio::sync::mpsc}. Any number of
 * {@link Sender}s feed one {@link Receiver}, which gets the items in the order they were sent (per
 * sender; items of different senders interleave in the order their sends completed).
 *
 * <p>A {@link #bounded bounded} channel holds at most {@code capacity} items: {@link Sender#send send}
 * waits for room, which is how a slow consumer slows its producers down. An {@link #unbounded unbounded}
 * channel never makes a sender wait and grows without limit. Items may not be null.
 *
 * {@snippet :
 * AsyncRuntime.run(() -> {
 *     Mpsc.Channel<String> channel = Mpsc.bounded(16);
 *     Mpsc.Receiver<String> receiver = channel.receiver();
 *     try (Mpsc.Sender<String> sender = channel.sender()) {
 *         for (int i = 0; i < 3; i++) {
 *             Mpsc.Sender<String> worker = sender.newSender();
 *             int id = i;
 *             Weft.spawn(Async.run(() -> {
 *                 try (worker) {
 *                     worker.send("hello from worker " + id).await();
 *                 }
 *             }));
 *         }
 *     }
 *     Optional<String> message;
 *     while ((message = receiver.receive().await()).isPresent()) {   // empty once every sender closed
 *         System.out.println(message.get());
 *     }
 * });
 * }
 *
 * <h2>Closing</h2>
 * Java has no destructor to tell the channel that a sender is gone, so <b>every sender must be
 * closed</b> ({@link Sender#close()}, best with try-with-resources): the receiver sees the end of the
 * stream (an empty {@code Optional}) only once every sender, including those made by
 * {@link Sender#newSender()}, is closed and every item sent has been received. Closing the
 * {@link Receiver} works the other way: sends fail from then on, and the items already sent can still
 * be received.
 *
 * <h2>Cancellation</h2>
 * Every waiting operation is cancel-safe, which makes the receive loop of a {@code Select} safe: an item
 * is taken, and a send completes, only inside the operation's final poll, so a receive that is cancelled
 * (aborted, timed out, a lost select) has taken nothing, and a send that is cancelled has put nothing in
 * the channel. Each method says what a cancelled call leaves behind.
 *
 * <h2>Memory consistency effects</h2>
 * Actions of a thread before it sends an item happen-before the actions that follow the receipt of that
 * item by the receiver.
 */
public final class Mpsc {

    /** The bound used by unbounded channels: more items than any program can buffer. */
    private static final long UNBOUNDED = Long.MAX_VALUE >>> 2;

    private Mpsc() {
    }

    /**
     * A channel that buffers at most {@code capacity} items.
     *
     * @throws IllegalArgumentException if {@code capacity <= 0}
     */
    public static <T> Channel<T> bounded(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity <= 0: " + capacity);
        }
        return open(capacity, false);
    }

    /** A channel whose senders never wait: it buffers any number of items. */
    public static <T> Channel<T> unbounded() {
        return open(UNBOUNDED, true);
    }

    private static <T> Channel<T> open(long bound, boolean unbounded) {
        MpscChannel<T> channel = new MpscChannel<>(bound, unbounded);
        return new Channel<>(new MpscSender<>(channel), new MpscReceiver<>(channel));
    }

    /**
     * The two ends of a new channel.
     *
     * {@snippet :
     * Mpsc.Channel<Job> jobs = Mpsc.bounded(64);
     * Weft.spawn(worker(jobs.receiver()));
     * Mpsc.Sender<Job> submit = jobs.sender();
     * }
     *
     * @param sender   the first sender; {@link Sender#newSender()} makes more
     * @param receiver the receiver
     * @param <T>      the type of the items
     */
    public record Channel<T>(Sender<T> sender, Receiver<T> receiver) {
    }

    /**
     * The sending end of an {@link Mpsc} channel. Thread-safe: a sender may be shared by tasks and
     * threads, or each producer may get its own with {@link #newSender()}. Each sender must be closed
     * (see {@link Mpsc}), after its last send: closing a sender while another thread sends through it
     * leaves that send's outcome unspecified.
     *
     * {@snippet :
     * // A producer that sheds load rather than wait when the consumer falls behind.
     * if (events.trySend(event) instanceof SendResult.Full<Event>) {
     *     dropped++;
     * }
     * }
     *
     * @param <T> the type of the items
     */
    public sealed interface Sender<T> extends AutoCloseable permits MpscSender {

        /**
         * An operation that sends {@code item}, waiting for room in a bounded channel. Senders that wait
         * are served in the order they started waiting.
         *
         * <h4>Cancellation</h4>
         * Cancel-safe: a cancelled send has not sent its item (the caller still holds it and may send it
         * again), and gives up its place in the queue of waiting senders.
         *
         * @throws NullPointerException if {@code item} is null
         * @return an operation that completes once the item is in the channel; awaiting it throws
         *         {@link ChannelClosedException} if the receiver has closed (the item is not sent), and
         *         {@link IllegalStateException} if this sender has been closed
         */
        Async<Void> send(T item);

        /**
         * Sends {@code item} if the channel has room now, without waiting. A bounded channel whose
         * waiting senders have not all been served counts as full.
         *
         * @return {@link SendResult.Sent}, or {@link SendResult.Full} or {@link SendResult.Closed}
         *         (receiver closed) carrying the item back
         * @throws NullPointerException  if {@code item} is null
         * @throws IllegalStateException if this sender has been closed
         */
        SendResult<T> trySend(T item);

        /**
         * An operation that sends {@code item}, waiting at most {@code timeout} for room.
         *
         * <h4>Cancellation</h4>
         * Cancel-safe, like {@link #send(Object)}: a cancelled call has not sent its item.
         *
         * @return an operation whose value is {@link SendResult.Sent}, {@link SendResult.Full} (still full
         *         at the deadline) or {@link SendResult.Closed}, the last two carrying the item back
         * @throws NullPointerException     if {@code item} or {@code timeout} is null
         * @throws IllegalArgumentException if {@code timeout} is negative or more than 100 years
         */
        Async<SendResult<T>> send(T item, Duration timeout);

        /**
         * An operation that reserves room for one item, waiting for it as {@link #send(Object)} does. The
         * {@link Permit} then sends without waiting; an unused permit must be closed to give the room back.
         * Reserving first lets a producer wait for room before it builds an expensive item, or commit to
         * sending only once it knows the send cannot wait.
         *
         * <h4>Cancellation</h4>
         * Cancel-safe: a cancelled reservation holds no room (a slot handed to it is passed on).
         *
         * @return an operation whose value is the permit; awaiting it throws {@link ChannelClosedException}
         *         if the receiver has closed, and {@link IllegalStateException} if this sender has been closed
         */
        Async<Permit<T>> reserve();

        /**
         * Sends {@code item} from a thread that is not a Weft task (a platform thread, a callback of a
         * library), blocking the thread until there is room. Inside a task, await {@link #send(Object)}
         * instead, which can be cancelled.
         *
         * @throws InterruptedException   if the thread is interrupted while it waits; the item is then
         *                                not sent
         * @throws ChannelClosedException if the receiver has closed; the item is not sent
         * @throws IllegalStateException  if this sender has been closed
         * @throws NullPointerException   if {@code item} is null
         */
        void blockingSend(T item) throws InterruptedException;

        /**
         * Another sender to the same channel, which must be closed too. The channel stays open for the
         * receiver as long as one sender is open.
         *
         * @throws IllegalStateException if this sender has been closed
         */
        Sender<T> newSender();

        /**
         * Closes this sender. Idempotent. When the last open sender closes, the receiver receives what is
         * buffered and then the end of the stream.
         */
        @Override
        void close();

        /** True when a send through this sender would fail: the receiver closed, or this sender did. */
        boolean isClosed();

        /**
         * The room left: how many items can be sent now without waiting ({@link Integer#MAX_VALUE} for an
         * unbounded channel). A snapshot that other senders and the receiver change at once.
         */
        int capacity();

        /** The capacity the channel was made with ({@link Integer#MAX_VALUE} for an unbounded channel). */
        int maxCapacity();
    }

    /**
     * The receiving end of an {@link Mpsc} channel. A receiver serves one task at a time (hand it from
     * task to task freely): a receive awaited while another is pending throws
     * {@link IllegalStateException}; calls from two threads at the same moment are not detected and
     * break the channel. For several consumers, put the receiver behind a lock or fan the items out.
     *
     * {@snippet :
     * // Store what arrived in batches of up to 64, until every sender has closed.
     * List<Event> batch = new ArrayList<>();
     * while (events.receiveMany(batch, 64).await() > 0) {
     *     store(batch);
     *     batch.clear();
     * }
     * }
     *
     * @param <T> the type of the items
     */
    public sealed interface Receiver<T> extends AutoCloseable permits MpscReceiver {

        /**
         * An operation that receives the next item, waiting until one is sent.
         *
         * <h4>Cancellation</h4>
         * Cancel-safe: a cancelled receive has taken no item, so a receive that loses a {@code Select} or
         * times out loses no message; the next receive gets it.
         *
         * @return an operation whose value is the next item, or empty once the channel is closed (every
         *         sender closed, or this receiver closed) and every item sent has been received
         */
        Async<Optional<T>> receive();

        /**
         * An operation that receives the next item, waiting at most {@code timeout}.
         *
         * <h4>Cancellation</h4>
         * Cancel-safe, like {@link #receive()}.
         *
         * @return an operation whose value is {@link ReceiveResult.Received} with the item,
         *         {@link ReceiveResult.Empty} if none came in time, or {@link ReceiveResult.Disconnected}
         *         if none will ever come
         * @throws NullPointerException     if {@code timeout} is null
         * @throws IllegalArgumentException if {@code timeout} is negative or more than 100 years
         */
        Async<ReceiveResult<T>> receive(Duration timeout);

        /**
         * An operation that waits for at least one item and then moves up to {@code limit} buffered items,
         * oldest first, to the end of {@code into}, in one step. Cheaper per item than {@link #receive()}
         * when items come in bursts.
         *
         * <h4>Cancellation</h4>
         * Cancel-safe: a cancelled call has moved nothing.
         *
         * @return an operation whose value is the number of items added, at least 1; 0 only once the channel
         *         is closed and every item sent has been received
         * @throws IllegalArgumentException if {@code limit <= 0}
         * @throws NullPointerException     if {@code into} is null
         */
        Async<Integer> receiveMany(List<? super T> into, int limit);

        /**
         * Receives the next item if there is one, without waiting.
         *
         * @return {@link ReceiveResult.Received} with the item, {@link ReceiveResult.Empty}, or
         *         {@link ReceiveResult.Disconnected} if no item will ever come
         */
        ReceiveResult<T> tryReceive();

        /**
         * This receiver as a stream: each {@code next()} is a {@link #receive()}, so the stream ends when
         * the channel does (Tokio's {@code ReceiverStream}).
         *
         * {@snippet :
         * List<String> names = events.stream().map(Event::name).toList().await();   // until it closes
         * }
         *
         * <h4>Cancellation</h4>
         * Cancel-safe like {@link #receive()}: a cancelled {@code next()} has taken no item, also inside a
         * {@code Select} or a stream operator that waits for other things at the same time.
         */
        default AsyncStream<T> stream() {
            return this::receive;
        }

        /**
         * Receives the next item from a thread that is not a Weft task, blocking the thread until one
         * comes. Inside a task, await {@link #receive()} instead.
         *
         * @return the item, or empty once the channel is closed and drained
         * @throws InterruptedException if the thread is interrupted while it waits; no item is then taken
         */
        Optional<T> blockingReceive() throws InterruptedException;

        /**
         * Closes the channel for sending: sends and waiting senders fail with
         * {@link ChannelClosedException} (or {@link SendResult.Closed}) from now on, while the items
         * already sent, and those of reservations already held, can still be received. Idempotent.
         */
        @Override
        void close();

        /** True when nothing more can be sent: every sender closed, or this receiver did. */
        boolean isClosed();
    }

    /**
     * Room for one item in an {@link Mpsc} channel, reserved by {@link Sender#reserve()}. Use it once,
     * with {@link #send(Object)}, or close it to give the room back (try-with-resources does that when the
     * permit was not used).
     *
     * {@snippet :
     * try (Mpsc.Permit<Request> permit = sender.reserve().await()) {
     *     permit.send(buildRequest());   // never waits: the room is already ours
     * }
     * }
     *
     * @param <T> the type of the items
     */
    public sealed interface Permit<T> extends AutoCloseable permits MpscPermit {

        /**
         * Sends {@code item} into the reserved room; never waits. The item is received even if the
         * receiver closed after the reservation was made.
         *
         * @throws NullPointerException  if {@code item} is null
         * @throws IllegalStateException if the permit was already used or closed
         */
        void send(T item);

        /** Gives the room back if the permit was not used; otherwise does nothing. */
        @Override
        void close();
    }
}
