package dev.weft.stream.tests;

import dev.weft.Async;
import dev.weft.stream.AsyncStream;
import dev.weft.stream.StreamMap;
import dev.weft.sync.Select;
import dev.weft.test.AsyncTest;
import dev.weft.time.Elapsed;
import dev.weft.time.Time;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** StreamMap: a keyed merge whose streams come and go while it is consumed. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class StreamMapTest {

    private static <V> String describe(Optional<Map.Entry<String, V>> entry) {
        return entry.map(e -> e.getKey() + "=" + e.getValue()).orElse("end");
    }

    private static AsyncStream<Integer> endless(int value) {
        return AsyncStream.fromIterable(() -> Stream.generate(() -> value).iterator());
    }

    @AsyncTest(everyFlavor = true)
    void entriesCarryTheirKey_andAnEndedStreamIsRemoved() {
        StreamMap<String, Integer> map = new StreamMap<>();
        map.insert("one", AsyncStream.of(1));
        map.insert("none", AsyncStream.empty());
        List<String> seen = new ArrayList<>();
        for (Optional<Map.Entry<String, Integer>> next; (next = map.next().await()).isPresent(); ) {
            seen.add(describe(next));
        }
        assertThat(seen).containsExactly("one=1");
        assertThat(map.isEmpty()).isTrue();
        assertThat(map.containsKey("one")).isFalse();
    }

    @AsyncTest(everyFlavor = true)
    void anEmptyMap_returnsEmpty_andProducesAgainOnceAStreamIsInserted() {
        StreamMap<String, Integer> map = new StreamMap<>();
        assertThat(map.next().await()).isEmpty();
        map.insert("late", AsyncStream.of(7));
        assertThat(describe(map.next().await())).isEqualTo("late=7");
    }

    @AsyncTest
    void insert_returnsTheReplacedStream_andRemove_returnsTheRemovedOne() {
        StreamMap<String, Integer> map = new StreamMap<>();
        AsyncStream<Integer> first = AsyncStream.of(1);
        assertThat(map.insert("k", first)).isEmpty();
        assertThat(map.insert("k", AsyncStream.of(2))).containsSame(first);
        assertThat(map.size()).isEqualTo(1);
        assertThat(map.keys()).containsExactly("k");
        assertThat(describe(map.next().await())).isEqualTo("k=2");
        assertThat(map.remove("k")).isPresent();
        assertThat(map.remove("k")).isEmpty();
        assertThatThrownBy(() -> map.insert(null, AsyncStream.of(1))).isInstanceOf(NullPointerException.class);
    }

    @AsyncTest(everyFlavor = true)
    void readyStreams_takeTurns() {
        StreamMap<String, Integer> map = new StreamMap<>();
        map.insert("a", endless(1));
        map.insert("b", endless(2));
        map.insert("c", endless(3));
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            keys.add(map.next().await().orElseThrow().getKey());
        }
        assertThat(keys).containsExactly("a", "b", "c", "a", "b", "c", "a", "b", "c");
    }

    @AsyncTest(everyFlavor = true)
    void streamsInsertedAndRemovedWhileIterating_areFollowed() {
        StreamMap<String, Integer> map = new StreamMap<>();
        map.insert("a", endless(1));
        map.insert("b", AsyncStream.of(10, 20, 30));
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Map.Entry<String, Integer> entry = map.next().await().orElseThrow();
            seen.add(entry.getKey() + "=" + entry.getValue());
            if (i == 1) {
                map.remove("a");
                map.insert("c", AsyncStream.of(100, 200));
            }
        }
        assertThat(map.next().await()).isEmpty();
        assertThat(seen).startsWith("a=1", "b=10")
                .containsSubsequence("b=20", "b=30").containsSubsequence("c=100", "c=200")
                .filteredOn(s -> s.startsWith("a=")).hasSize(1);
    }

    @AsyncTest(everyFlavor = true)
    void inASelectLoop_itsPollableStreamsLoseNothing() {
        StreamMap<String, Integer> map = new StreamMap<>();
        map.insert("low", AsyncStream.fromIterable(IntStream.range(0, 1_000).boxed().toList()));
        map.insert("high", AsyncStream.fromIterable(IntStream.range(1_000, 2_000).boxed().toList()));
        List<Integer> received = new ArrayList<>();
        int idle = 0;
        while (!map.isEmpty()) {
            boolean got = Select.<Boolean>builder()
                    .onPresent(map.next(), entry -> received.add(entry.getValue()))
                    .on(Time.sleep(Duration.ZERO), ignored -> false)
                    .orElse(() -> false)
                    .fair()
                    .await();
            if (!got) {
                idle++;
            }
        }
        assertThat(received).hasSize(2_000).doesNotHaveDuplicates();
        assertThat(received.stream().filter(n -> n < 1_000).toList())
                .isEqualTo(IntStream.range(0, 1_000).boxed().toList());
        assertThat(idle).isPositive();
    }

    @AsyncTest(startPaused = true)
    void removingAStream_abortsTheChildTaskRunningItsPendingNext() {
        AtomicBoolean unwound = new AtomicBoolean();
        AsyncStream<String> slow = () -> Async.of(() -> {
            try {
                Time.sleep(Duration.ofHours(1)).await();
                return Optional.of("late");
            } finally {
                unwound.set(true);
            }
        });
        StreamMap<String, String> map = new StreamMap<>();
        map.insert("slow", slow);
        assertThatThrownBy(() -> Time.timeout(Duration.ofMillis(10), map.next()).await()).isInstanceOf(Elapsed.class);
        assertThat(unwound).as("a cancelled next keeps the child running").isFalse();
        map.remove("slow");
        Time.sleep(Duration.ofMillis(1)).await();
        assertThat(unwound).isTrue();
    }
}
