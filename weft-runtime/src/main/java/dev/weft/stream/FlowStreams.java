package dev.weft.stream;

import dev.weft.runtime.RuntimeHandle;

import java.util.Objects;
import java.util.concurrent.Flow;

/**
 * Adapters between {@link AsyncStream} and {@link java.util.concurrent.Flow} (Reactive Streams), both
 * driven by demand: a stream published through {@link #toPublisher} is pulled only for values a
 * subscriber requested, and a publisher read through {@link #fromPublisher} is asked for values only
 * as fast as the stream's consumer takes them.
 *
 * {@snippet :
 * Flow.Publisher<Integer> publisher = FlowStreams.toPublisher(AsyncStream.of(1, 2, 3), runtime.handle());
 * try (PublisherStream<Integer> back = FlowStreams.fromPublisher(publisher, 2)) {
 *     List<Integer> values = runtime.blockOn(back.toList());   // [1, 2, 3]
 * }
 * }
 *
 * <h2>Cancellation</h2>
 * Cancelling the subscription of a published stream aborts the task that pulls it: a pending
 * {@code next()} of the stream is cancelled at its await point (and loses what that stream's
 * {@code next()} loses when cancelled). A stream read from a publisher is cancel-safe: see
 * {@link PublisherStream}.
 */
public final class FlowStreams {

    private FlowStreams() {
    }

    /**
     * Publishes {@code stream} to one subscriber (a stream has one consumer, so the publisher is
     * unicast: a second subscriber gets {@code onError(IllegalStateException)}). A task spawned on
     * {@code runtime} pulls the stream's {@code next()} only while the subscriber has requested values
     * it has not received, and never more than it requested; the stream's end is {@code onComplete},
     * its failure {@code onError}, and a runtime shutting down ends the subscription with
     * {@code onError(CancelledException)}. Signals come from that task, one at a time.
     *
     * {@snippet :
     * Flow.Publisher<String> words = FlowStreams.toPublisher(AsyncStream.of("a", "b"), runtime.handle());
     * words.subscribe(new Flow.Subscriber<>() {
     *     private Flow.Subscription subscription;
     *
     *     public void onSubscribe(Flow.Subscription s) {
     *         subscription = s;
     *         s.request(1);                   // one at a time
     *     }
     *
     *     public void onNext(String word) {
     *         System.out.println(word);
     *         subscription.request(1);
     *     }
     *
     *     public void onError(Throwable failure) { }
     *
     *     public void onComplete() { }
     * });
     * }
     *
     * <h4>Cancellation</h4>
     * {@code cancel()} on the subscription aborts the pulling task; see the class notes.
     *
     * @throws NullPointerException if an argument is null
     */
    public static <T> Flow.Publisher<T> toPublisher(AsyncStream<T> stream, RuntimeHandle runtime) {
        return new StreamPublisher<>(Objects.requireNonNull(stream, "stream"), Objects.requireNonNull(runtime, "runtime"));
    }

    /**
     * Reads {@code publisher} as a stream that buffers at most {@code bufferSize} values and requests
     * more in batches of half that (at least one) as they are taken. Subscribes when first awaited.
     *
     * {@snippet :
     * try (PublisherStream<Integer> numbers = FlowStreams.fromPublisher(publisher, 64)) {
     *     int total = numbers.fold(0, Integer::sum).await();
     * }
     * }
     *
     * <h4>Cancellation</h4>
     * Cancel-safe: see {@link PublisherStream}.
     *
     * @throws IllegalArgumentException if {@code bufferSize} is not positive
     * @throws NullPointerException     if {@code publisher} is null
     */
    public static <T> PublisherStream<T> fromPublisher(Flow.Publisher<? extends T> publisher, int bufferSize) {
        Objects.requireNonNull(publisher, "publisher");
        if (bufferSize <= 0) {
            throw new IllegalArgumentException("bufferSize <= 0: " + bufferSize);
        }
        return new PublisherStream<>(publisher, bufferSize);
    }
}
