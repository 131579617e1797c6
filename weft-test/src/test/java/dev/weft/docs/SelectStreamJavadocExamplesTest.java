package dev.weft.docs;

import dev.weft.Async;
import dev.weft.Weft;
import dev.weft.runtime.AsyncRuntime;
import dev.weft.stream.AsyncStream;
import dev.weft.stream.FlowStreams;
import dev.weft.stream.PublisherStream;
import dev.weft.stream.StreamMap;
import dev.weft.sync.Select;
import dev.weft.time.Moment;
import dev.weft.time.Time;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Flow;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The examples of the javadoc of Select, Async.join/tryJoin/race and dev.weft.stream, run as they are
 * written there (printing replaced by collecting). Keep each in step with the {@code {@snippet}} it
 * mirrors.
 */
@Timeout(30)
class SelectStreamJavadocExamplesTest {

    private static <T> T onPausedClock(Callable<T> body) {
        try (AsyncRuntime runtime = AsyncRuntime.builder().currentThread().startPaused(true).build()) {
            return runtime.blockOn(Async.of(body));
        }
    }

    // AsyncStream (class)
    static Async<Integer> sum(AsyncStream<Integer> numbers) {
        return Async.of(() -> {
            int total = 0;
            for (Optional<Integer> next; (next = numbers.next().await()).isPresent(); ) {
                total += next.get();
            }
            return total;
        });
    }

    @Test
    void select_exampleTakesTheAnswerBeforeTheTimer() {
        String outcome = onPausedClock(() -> Select.<String>builder()
                .on(Time.sleep(Duration.ofSeconds(1)), ignored -> "too slow")
                .on(Weft.spawn(Async.of(() -> 6 * 7)), answer -> "answer " + answer)
                .fair()
                .await());
        assertThat(outcome).isEqualTo("answer 42");
    }

    @Test
    void selectBuilder_exampleTakesTheFirstLine() {
        String next = AsyncRuntime.run(() -> {
            AsyncStream<String> lines = AsyncStream.of("a", "b");
            boolean waitForMore = false;
            return Select.<String>builder()
                    .onPresent(lines.next(), line -> "line " + line)
                    .onIf(waitForMore, Time.sleep(Duration.ofSeconds(30)), ignored -> "idle")
                    .orElse(() -> "nothing left")
                    .biased()
                    .await();
        });
        assertThat(next).isEqualTo("line a");
    }

    @Test
    void join_exampleReturnsBothValues() {
        List<Object> parts = AsyncRuntime.run(() -> {
            Async.Pair<String, Integer> both = Async.join(
                    Async.of(() -> "answer"),
                    Time.sleep(Duration.ofMillis(10)).map(ignored -> 42)).await();
            String label = both.first();
            int value = both.second();
            return List.<Object>of(label, value);
        });
        assertThat(parts).containsExactly("answer", 42);
    }

    @Test
    void tryJoin_exampleThrowsTheFailureAfterCancellingTheSleep() {
        List<String> caught = Collections.synchronizedList(new ArrayList<>());
        onPausedClock(() -> {
            try {
                Async.tryJoin(
                        Async.run(() -> { throw new IllegalStateException("no route"); }),
                        Time.sleep(Duration.ofDays(1))).await();
            } catch (IllegalStateException failed) {
                caught.add(failed.getMessage());
            }
            return null;
        });
        assertThat(caught).containsExactly("no route");
    }

    @Test
    void race_exampleReturnsTheReplica() {
        String fastest = onPausedClock(() -> Async.race(
                Time.sleep(Duration.ofSeconds(5)).map(ignored -> "primary"),
                Time.sleep(Duration.ofMillis(5)).map(ignored -> "replica")).await());
        assertThat(fastest).isEqualTo("replica");
    }

    @Test
    void asyncStream_exampleSums() {
        assertThat(AsyncRuntime.run(() -> sum(AsyncStream.of(1, 2, 3)).await())).isEqualTo(6);
    }

    @Test
    void of_fromIterable_empty_examples() {
        List<Object> results = AsyncRuntime.run(() -> {
            List<String> words = AsyncStream.of("a", "b", "c").toList().await();
            int total = AsyncStream.fromIterable(List.of(1, 2, 3)).fold(0, Integer::sum).await();
            boolean ended = AsyncStream.<String>empty().next().await().isEmpty();
            return List.of(words, total, ended);
        });
        assertThat(results).containsExactly(List.of("a", "b", "c"), 6, true);
    }

    @Test
    void ticks_exampleTakesThreeTicksASecondApart() {
        List<Moment> firstThree = onPausedClock(() -> {
            AsyncStream<Moment> ticks = AsyncStream.ticks(Time.interval(Duration.ofSeconds(1)));
            return ticks.take(3).toList().await();
        });
        assertThat(firstThree.get(1).durationSince(firstThree.get(0))).isEqualTo(Duration.ofSeconds(1));
        assertThat(firstThree.get(2).durationSince(firstThree.get(0))).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void merge_exampleInterleaves() {
        List<Integer> all = AsyncRuntime.run(
                () -> AsyncStream.merge(AsyncStream.of(1, 3), AsyncStream.of(2, 4)).toList().await());
        assertThat(all).containsExactly(1, 2, 3, 4);
    }

    @Test
    void map_filter_take_examples() {
        List<List<Integer>> results = AsyncRuntime.run(() -> {
            List<Integer> lengths = AsyncStream.of("a", "bb").map(String::length).toList().await();
            List<Integer> even = AsyncStream.of(1, 2, 3, 4).filter(n -> n % 2 == 0).toList().await();
            List<Integer> firstTwo = AsyncStream.of(1, 2, 3).take(2).toList().await();
            return List.of(lengths, even, firstTwo);
        });
        assertThat(results).containsExactly(List.of(1, 2), List.of(2, 4), List.of(1, 2));
    }

    @Test
    void chunksTimeout_exampleClosesTheChunkAfterOneSecond() {
        List<Long> chunkTimes = onPausedClock(() -> {
            Moment start = Time.now();
            AsyncStream<Moment> ticks = AsyncStream.ticks(Time.interval(Duration.ofMillis(400)));
            List<Moment> chunk = ticks.chunksTimeout(10, Duration.ofSeconds(1)).next().await().orElseThrow();
            List<Long> times = new ArrayList<>();
            chunk.forEach(tick -> times.add(tick.durationSince(start).toMillis()));
            times.add(Time.now().durationSince(start).toMillis());
            return times;
        });
        assertThat(chunkTimes).containsExactly(0L, 400L, 800L, 1_000L);
    }

    @Test
    void throttle_examplePrintsOncePerSecond() {
        List<String> printed = new ArrayList<>();
        onPausedClock(() -> {
            Moment start = Time.now();
            AsyncStream<Integer> slow = AsyncStream.of(1, 2, 3).throttle(Duration.ofSeconds(1));
            slow.forEach(n -> printed.add(n + " at " + Time.now().durationSince(start).toSeconds() + " s")).await();
            return null;
        });
        assertThat(printed).containsExactly("1 at 0 s", "2 at 1 s", "3 at 2 s");
    }

    @Test
    void fold_collect_toList_forEach_examples() {
        List<String> printed = new ArrayList<>();
        List<Object> results = AsyncRuntime.run(() -> {
            int total = AsyncStream.of(1, 2, 3).fold(0, Integer::sum).await();
            String joined = AsyncStream.of("a", "b").collect(Collectors.joining(",")).await();
            List<String> words = AsyncStream.of("x", "y").toList().await();
            AsyncStream.of("a", "b").forEach(printed::add).await();
            return List.of(total, joined, words);
        });
        assertThat(results).containsExactly(6, "a,b", List.of("x", "y"));
        assertThat(printed).containsExactly("a", "b");
    }

    @Test
    void streamMap_examplesInterleaveAndReplace() {
        List<String> printed = new ArrayList<>();
        List<Boolean> checks = AsyncRuntime.run(() -> {
            StreamMap<String, Integer> sources = new StreamMap<>();
            sources.insert("odd", AsyncStream.of(1, 3));
            sources.insert("even", AsyncStream.of(2));
            for (Optional<Map.Entry<String, Integer>> next; (next = sources.next().await()).isPresent(); ) {
                printed.add(next.get().getKey() + " " + next.get().getValue());
            }

            StreamMap<String, Integer> map = new StreamMap<>();
            map.insert("a", AsyncStream.of(1));
            Optional<AsyncStream<Integer>> replaced = map.insert("a", AsyncStream.of(2));
            boolean removed = map.remove("a").isPresent();
            return List.of(replaced.isPresent(), removed);
        });
        assertThat(printed).containsExactly("odd 1", "even 2", "odd 3");
        assertThat(checks).containsExactly(true, true);
    }

    @Test
    void publisherStream_examplesReadThePublisherBack() {
        try (AsyncRuntime runtime = AsyncRuntime.builder().build()) {
            List<String> all = runtime.blockOn(Async.of(() -> {
                Flow.Publisher<String> publisher = FlowStreams.toPublisher(AsyncStream.of("first", "second"),
                        runtime.handle());
                try (PublisherStream<String> lines = FlowStreams.fromPublisher(publisher, 16)) {
                    return lines.toList().await();
                }
            }));
            assertThat(all).containsExactly("first", "second");

            Optional<String> first = runtime.blockOn(Async.of(() -> {
                PublisherStream<String> lines = FlowStreams.fromPublisher(
                        FlowStreams.toPublisher(AsyncStream.of("only"), runtime.handle()), 4);
                Optional<String> value = lines.next().await();
                lines.close();
                return value;
            }));
            assertThat(first).contains("only");
        }
    }

    @Test
    void flowStreams_exampleRoundTrips() {
        try (AsyncRuntime runtime = AsyncRuntime.builder().build()) {
            Flow.Publisher<Integer> publisher = FlowStreams.toPublisher(AsyncStream.of(1, 2, 3), runtime.handle());
            try (PublisherStream<Integer> back = FlowStreams.fromPublisher(publisher, 2)) {
                List<Integer> values = runtime.blockOn(back.toList());
                assertThat(values).containsExactly(1, 2, 3);
            }
        }
    }

    @Test
    void toPublisher_exampleRequestsOneAtATime() {
        List<String> printed = Collections.synchronizedList(new ArrayList<>());
        try (AsyncRuntime runtime = AsyncRuntime.builder().build()) {
            Flow.Publisher<String> words = FlowStreams.toPublisher(AsyncStream.of("a", "b"), runtime.handle());
            words.subscribe(new Flow.Subscriber<>() {
                private Flow.Subscription subscription;

                public void onSubscribe(Flow.Subscription s) {
                    subscription = s;
                    s.request(1);
                }

                public void onNext(String word) {
                    printed.add(word);
                    subscription.request(1);
                }

                public void onError(Throwable failure) { }

                public void onComplete() {
                    printed.add("done");
                }
            });
            runtime.blockOn(Async.run(() -> {
                while (!printed.contains("done")) {
                    Time.sleep(Duration.ofMillis(1)).await();
                }
            }));
        }
        assertThat(printed).containsExactly("a", "b", "done");
    }

    @Test
    void fromPublisher_exampleSums() {
        try (AsyncRuntime runtime = AsyncRuntime.builder().build()) {
            Flow.Publisher<Integer> publisher = FlowStreams.toPublisher(AsyncStream.of(1, 2, 3, 4), runtime.handle());
            int sum = runtime.blockOn(Async.of(() -> {
                try (PublisherStream<Integer> numbers = FlowStreams.fromPublisher(publisher, 64)) {
                    int total = numbers.fold(0, Integer::sum).await();
                    return total;
                }
            }));
            assertThat(sum).isEqualTo(10);
        }
    }
}
