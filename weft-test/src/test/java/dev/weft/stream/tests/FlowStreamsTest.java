package dev.weft.stream.tests;

import dev.weft.Async;
import dev.weft.Weft;
import dev.weft.runtime.AsyncRuntime;
import dev.weft.stream.AsyncStream;
import dev.weft.stream.FlowStreams;
import dev.weft.stream.PublisherStream;
import dev.weft.task.JoinHandle;
import dev.weft.test.AsyncTest;
import dev.weft.time.Elapsed;
import dev.weft.time.Time;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Flow adapters, both ways, driven by demand. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class FlowStreamsTest {

    /** Lets other tasks run until {@code condition} holds; fails after about five seconds. */
    private static void until(String description, BooleanSupplier condition) {
        for (int i = 0; i < 5_000 && !condition.getAsBoolean(); i++) {
            Time.sleep(Duration.ofMillis(1)).await();
        }
        assertThat(condition.getAsBoolean()).as(description).isTrue();
    }

    /** Gives a publisher that would wrongly go on a chance to do so. */
    private static void settle() {
        Time.sleep(Duration.ofMillis(20)).await();
    }

    private static <T> RecordingSubscriber<T> subscribe(Flow.Publisher<T> publisher, long initialRequest,
                                                        BiConsumer<RecordingSubscriber<T>, T> onEach) {
        RecordingSubscriber<T> subscriber = new RecordingSubscriber<>(initialRequest, onEach);
        publisher.subscribe(subscriber);
        return subscriber;
    }

    @AsyncTest(everyFlavor = true)
    void toPublisher_aSubscriberRequestingOneAtATime_neverReceivesMoreThanItRequested(AsyncRuntime runtime) {
        AtomicInteger pulled = new AtomicInteger();
        RecordingSubscriber<Integer> subscriber = subscribe(FlowStreams.toPublisher(Counted.naturals(pulled), runtime.handle()),
                1, (self, value) -> {
                    if (self.values().size() < 5) {
                        self.request(1);
                    }
                });
        until("five values", () -> subscriber.values().size() == 5);
        settle();
        assertThat(subscriber.values()).containsExactly(1, 2, 3, 4, 5);
        assertThat(subscriber.overRequested()).isZero();
        assertThat(pulled).as("the stream was pulled only for requested values").hasValue(5);
        assertThat(subscriber.isDone()).isFalse();
    }

    @AsyncTest(everyFlavor = true)
    void toPublisher_demandInBatches_isHonouredExactly(AsyncRuntime runtime) {
        AtomicInteger pulled = new AtomicInteger();
        RecordingSubscriber<Integer> subscriber = subscribe(FlowStreams.toPublisher(Counted.naturals(pulled), runtime.handle()),
                3, (self, value) -> {
                    int received = self.values().size();
                    if (received % 3 == 0 && received < 12) {
                        self.request(3);
                    }
                });
        until("twelve values", () -> subscriber.values().size() == 12);
        settle();
        assertThat(subscriber.values()).isEqualTo(IntStream.rangeClosed(1, 12).boxed().toList());
        assertThat(subscriber.overRequested()).isZero();
        assertThat(pulled).hasValue(12);
    }

    @AsyncTest(everyFlavor = true)
    void toPublisher_aFiniteStream_completesAfterItsValues(AsyncRuntime runtime) {
        RecordingSubscriber<String> subscriber = subscribe(
                FlowStreams.toPublisher(AsyncStream.of("a", "b"), runtime.handle()), Long.MAX_VALUE, (self, v) -> { });
        until("completion", subscriber::isDone);
        assertThat(subscriber.values()).containsExactly("a", "b");
        assertThat(subscriber.isCompleted()).isTrue();
    }

    @AsyncTest(everyFlavor = true)
    void toPublisher_aFailingStream_signalsOnError(AsyncRuntime runtime) {
        AsyncStream<String> failing = () -> Async.of(() -> {
            throw new IllegalStateException("source broke");
        });
        RecordingSubscriber<String> subscriber = subscribe(FlowStreams.toPublisher(failing, runtime.handle()), 1,
                (self, v) -> { });
        until("the error", subscriber::isDone);
        assertThat(subscriber.error()).isInstanceOf(IllegalStateException.class).hasMessage("source broke");
    }

    @AsyncTest(everyFlavor = true)
    void toPublisher_cancel_stopsDelivery(AsyncRuntime runtime) {
        AtomicInteger pulled = new AtomicInteger();
        RecordingSubscriber<Integer> subscriber = subscribe(FlowStreams.toPublisher(Counted.naturals(pulled), runtime.handle()),
                Long.MAX_VALUE, (self, value) -> {
                    if (value == 2) {
                        self.cancel();
                    }
                });
        until("two values", () -> subscriber.values().size() >= 2);
        settle();
        assertThat(subscriber.values()).containsExactly(1, 2);
        assertThat(subscriber.isDone()).as("no terminal signal after cancel").isFalse();
        assertThat(pulled).hasValue(2);
    }

    @AsyncTest(everyFlavor = true)
    void toPublisher_cancel_unwindsAPendingNext(AsyncRuntime runtime) {
        AtomicBoolean started = new AtomicBoolean();
        AtomicBoolean unwound = new AtomicBoolean();
        AsyncStream<String> slow = () -> Async.of(() -> {
            started.set(true);
            try {
                Time.sleep(Duration.ofHours(1)).await();
                return Optional.of("late");
            } finally {
                unwound.set(true);
            }
        });
        RecordingSubscriber<String> subscriber = subscribe(FlowStreams.toPublisher(slow, runtime.handle()), 1,
                (self, v) -> { });
        until("the stream is pulled", started::get);
        subscriber.cancel();
        until("the pending next unwound", unwound::get);
        assertThat(subscriber.isDone()).isFalse();
    }

    @AsyncTest(everyFlavor = true)
    void toPublisher_aRequestOfZero_failsTheSubscription(AsyncRuntime runtime) {
        RecordingSubscriber<Integer> subscriber = subscribe(FlowStreams.toPublisher(AsyncStream.of(1), runtime.handle()),
                0, (self, v) -> { });
        subscriber.request(0);
        until("the error", subscriber::isDone);
        assertThat(subscriber.error()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3.9");
        assertThat(subscriber.values()).isEmpty();
    }

    @AsyncTest
    void toPublisher_isUnicast(AsyncRuntime runtime) {
        Flow.Publisher<Integer> publisher = FlowStreams.toPublisher(AsyncStream.of(1), runtime.handle());
        subscribe(publisher, 0, (self, v) -> { });
        RecordingSubscriber<Integer> second = subscribe(publisher, 1, (self, v) -> { });
        assertThat(second.error()).isInstanceOf(IllegalStateException.class).hasMessageContaining("unicast");
    }

    @AsyncTest(everyFlavor = true)
    void fromPublisher_requestsItsCapacity_thenInBatchesAsValuesAreTaken() {
        ManualPublisher<Integer> publisher = new ManualPublisher<>();
        PublisherStream<Integer> stream = FlowStreams.fromPublisher(publisher, 4);
        assertThat(publisher.isSubscribed()).as("nothing happens before the stream is awaited").isFalse();
        assertThatThrownBy(() -> Time.timeout(Duration.ofMillis(5), stream.next()).await()).isInstanceOf(Elapsed.class);
        assertThat(publisher.requests()).containsExactly(4L);
        for (int i = 1; i <= 4; i++) {
            publisher.push(i);
        }
        assertThat(stream.next().await()).contains(1);
        assertThat(publisher.requests()).containsExactly(4L);
        assertThat(stream.next().await()).contains(2);
        assertThat(publisher.requests()).containsExactly(4L, 2L);
        publisher.push(5);
        publisher.push(6);
        for (int expected = 3; expected <= 6; expected++) {
            assertThat(stream.next().await()).contains(expected);
        }
        assertThat(publisher.requests()).containsExactly(4L, 2L, 2L, 2L);
    }

    @AsyncTest(everyFlavor = true)
    void fromPublisher_nextWaitsForTheNextValue() {
        ManualPublisher<String> publisher = new ManualPublisher<>();
        PublisherStream<String> stream = FlowStreams.fromPublisher(publisher, 1);
        JoinHandle<Optional<String>> reader = Weft.spawn(stream.next());
        until("subscribed", publisher::isSubscribed);
        publisher.push("hello");
        assertThat(reader.await()).contains("hello");
    }

    @AsyncTest
    void fromPublisher_aPublisherSendingMoreThanRequested_failsTheStreamAfterTheBufferedValues() {
        ManualPublisher<Integer> publisher = new ManualPublisher<>();
        PublisherStream<Integer> stream = FlowStreams.fromPublisher(publisher, 2);
        assertThatThrownBy(() -> Time.timeout(Duration.ofMillis(1), stream.next()).await()).isInstanceOf(Elapsed.class);
        publisher.push(1);
        publisher.push(2);
        publisher.push(3);
        assertThat(publisher.isCancelled()).isTrue();
        assertThat(stream.next().await()).contains(1);
        assertThat(stream.next().await()).contains(2);
        assertThatThrownBy(() -> stream.next().await()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("more values than were requested");
        assertThat(stream.next().await()).isEmpty();
    }

    @AsyncTest
    void fromPublisher_onError_isThrownOnceAfterTheBufferedValues_thenTheStreamEnds() {
        ManualPublisher<Integer> publisher = new ManualPublisher<>();
        PublisherStream<Integer> stream = FlowStreams.fromPublisher(publisher, 8);
        assertThatThrownBy(() -> Time.timeout(Duration.ofMillis(1), stream.next()).await()).isInstanceOf(Elapsed.class);
        publisher.push(1);
        publisher.fail(new IllegalStateException("upstream broke"));
        assertThat(stream.next().await()).contains(1);
        assertThatThrownBy(() -> stream.next().await()).hasMessage("upstream broke");
        assertThat(stream.next().await()).isEmpty();
    }

    @AsyncTest
    void fromPublisher_close_cancelsTheSubscription_andEndsTheStream() {
        ManualPublisher<Integer> publisher = new ManualPublisher<>();
        PublisherStream<Integer> stream = FlowStreams.fromPublisher(publisher, 8);
        assertThatThrownBy(() -> Time.timeout(Duration.ofMillis(1), stream.next()).await()).isInstanceOf(Elapsed.class);
        publisher.push(1);
        stream.close();
        assertThat(publisher.isCancelled()).isTrue();
        assertThat(stream.next().await()).isEmpty();
        assertThatThrownBy(() -> FlowStreams.fromPublisher(publisher, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("bufferSize <= 0: 0");
    }

    @AsyncTest(everyFlavor = true)
    void aStreamPublishedAndReadBack_arrivesWholeAndInOrder(AsyncRuntime runtime) {
        List<Integer> numbers = IntStream.range(0, 1_000).boxed().toList();
        Flow.Publisher<Integer> publisher = FlowStreams.toPublisher(AsyncStream.fromIterable(numbers), runtime.handle());
        try (PublisherStream<Integer> back = FlowStreams.fromPublisher(publisher, 8)) {
            assertThat(back.toList().await()).isEqualTo(numbers);
        }
    }
}
