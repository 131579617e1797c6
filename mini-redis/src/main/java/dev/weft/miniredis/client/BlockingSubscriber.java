package dev.weft.miniredis.client;

import dev.weft.runtime.AsyncRuntime;
import dev.weft.task.CancelledException;

import java.util.Optional;
import java.util.Set;

/**
 * A {@link Subscriber} for code outside a Weft runtime: what {@link BlockingClient#subscribe} returns.
 * Each method blocks the calling thread.
 *
 * {@snippet :
 * try (BlockingSubscriber subscriber = BlockingClient.connect("127.0.0.1", 6379).subscribe("news")) {
 *     Optional<Message> next = subscriber.nextMessage();   // blocks until a message or the end
 * }
 * }
 *
 * <p>One thread at a time for {@link #nextMessage()}, {@link #subscribe} and {@link #unsubscribe};
 * {@link #subscribedChannels()} and {@link #close()} may be called from any thread, and closing ends a
 * {@link #nextMessage()} blocked in another thread with an empty result.
 *
 * <h2>Cancellation</h2>
 * Nothing to cancel: each call runs to its end (or until {@link #close()}).
 */
public final class BlockingSubscriber implements AutoCloseable {

    private final AsyncRuntime runtime;
    private final Subscriber subscriber;
    private volatile boolean closed;

    BlockingSubscriber(AsyncRuntime runtime, Subscriber subscriber) {
        this.runtime = runtime;
        this.subscriber = subscriber;
    }

    /**
     * Blocks until the next message and returns it, or returns empty once the server has closed the
     * connection or this subscriber was closed. See {@link Subscriber#nextMessage()}.
     */
    public Optional<Message> nextMessage() {
        try {
            return runtime.blockOn(subscriber.nextMessage());
        } catch (CancelledException e) {
            if (closed) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Subscribes to more channels; see {@link Subscriber#subscribe}. */
    public void subscribe(String... channels) {
        runtime.blockOn(subscriber.subscribe(channels));
    }

    /** Unsubscribes from {@code channels}, or from all when none is given; see {@link Subscriber#unsubscribe}. */
    public void unsubscribe(String... channels) {
        runtime.blockOn(subscriber.unsubscribe(channels));
    }

    /** The channels subscribed to, in subscription order; see {@link Subscriber#subscribedChannels()}. */
    public Set<String> subscribedChannels() {
        return subscriber.subscribedChannels();
    }

    /** Closes the connection and shuts the runtime down. Idempotent. */
    @Override
    public void close() {
        closed = true;
        try {
            subscriber.close();
        } finally {
            runtime.close();
        }
    }

    @Override
    public String toString() {
        return "BlockingSubscriber[" + subscriber + "]";
    }
}
