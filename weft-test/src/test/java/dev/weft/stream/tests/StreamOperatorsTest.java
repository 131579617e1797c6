package dev.weft.stream.tests;

import dev.weft.Async;
import dev.weft.Weft;
import dev.weft.stream.AsyncStream;
import dev.weft.sync.Select;
import dev.weft.test.AsyncTest;
import dev.weft.time.Elapsed;
import dev.weft.time.Time;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The factories, operators and terminal operations of AsyncStream. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class StreamOperatorsTest {

    /** A stream Weft cannot poll: each next() yields, then takes the next number (up to {@code last}). */
    private static AsyncStream<Integer> unpollable(int first, int last) {
        AtomicInteger next = new AtomicInteger(first);
        return () -> Async.of(() -> {
            Weft.yieldNow().await();
            int value = next.getAndIncrement();
            return value <= last ? Optional.of(value) : Optional.empty();
        });
    }

    @AsyncTest(everyFlavor = true)
    void of_producesItsValuesInOrder_thenEndsForGood() {
        AsyncStream<String> stream = AsyncStream.of("a", "b");
        assertThat(stream.next().await()).contains("a");
        assertThat(stream.next().await()).contains("b");
        assertThat(stream.next().await()).isEmpty();
        assertThat(stream.next().await()).isEmpty();
    }

    @AsyncTest
    void of_rejectsNullValues_andEmptyHasNone() {
        assertThatThrownBy(() -> AsyncStream.of("a", null)).isInstanceOf(NullPointerException.class);
        assertThat(AsyncStream.empty().next().await()).isEmpty();
    }

    @AsyncTest(everyFlavor = true)
    void map_filter_take_composeLazily_andTakeNeverPullsMoreThanItNeeds() {
        AtomicInteger pulled = new AtomicInteger();
        List<String> values = Counted.naturals(pulled)
                .filter(n -> n % 2 == 0)
                .map(n -> "#" + n)
                .take(3)
                .toList().await();
        assertThat(values).containsExactly("#2", "#4", "#6");
        assertThat(pulled).as("6 values pulled for 3 even ones, none after").hasValue(6);
    }

    @AsyncTest
    void take_zero_endsAtOnce_andNegativeCountsAreRejected() {
        AtomicInteger pulled = new AtomicInteger();
        assertThat(Counted.naturals(pulled).take(0).next().await()).isEmpty();
        assertThat(pulled).hasValue(0);
        assertThatThrownBy(() -> AsyncStream.of(1).take(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("count < 0: -1");
    }

    @AsyncTest
    void map_thatReturnsNull_failsTheNext() {
        AsyncStream<Object> nulls = AsyncStream.of(1).map(n -> null);
        assertThatThrownBy(() -> nulls.next().await()).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("mapper returned null");
    }

    @AsyncTest(everyFlavor = true)
    void operators_overAStreamWeftCannotPoll_workTheSame() {
        assertThat(unpollable(1, 10).filter(n -> n % 3 == 0).map(n -> n * 10).take(2).toList().await())
                .containsExactly(30, 60);
    }

    @AsyncTest(everyFlavor = true)
    void fold_collect_forEach_consumeTheWholeStream() {
        assertThat(AsyncStream.of(1, 2, 3).fold(10, Integer::sum).await()).isEqualTo(16);
        assertThat(AsyncStream.of("a", "b", "c").collect(Collectors.joining("-")).await()).isEqualTo("a-b-c");
        List<Integer> seen = new ArrayList<>();
        AsyncStream.of(3, 2, 1).forEach(seen::add).await();
        assertThat(seen).containsExactly(3, 2, 1);
    }

    @AsyncTest(everyFlavor = true)
    void merge_takesTurnsBetweenReadyStreams_andEndsWhenAllHaveEnded() {
        List<Integer> merged = AsyncStream.merge(AsyncStream.of(1, 3, 5, 7), AsyncStream.of(2, 4), AsyncStream.empty())
                .toList().await();
        assertThat(merged).containsExactly(1, 2, 3, 4, 5, 7);
    }

    @AsyncTest(everyFlavor = true)
    void merge_ofStreamsWeftCannotPoll_producesEveryValueOnce() {
        List<Integer> merged = AsyncStream.merge(List.of(unpollable(1, 50), unpollable(101, 150))).toList().await();
        assertThat(merged).hasSize(100).doesNotHaveDuplicates()
                .containsAll(IntStream.rangeClosed(1, 50).boxed().toList())
                .containsAll(IntStream.rangeClosed(101, 150).boxed().toList());
    }

    @AsyncTest(startPaused = true)
    void merge_aNextCancelledByATimeout_losesNoValueOfAStreamWeftCannotPoll() {
        AtomicInteger next = new AtomicInteger(1);
        AsyncStream<Integer> slow = () -> Async.of(() -> {
            Time.sleep(Duration.ofMillis(30)).await();
            int value = next.getAndIncrement();
            return value <= 20 ? Optional.of(value) : Optional.<Integer>empty();
        });
        AsyncStream<Integer> merged = AsyncStream.merge(slow);
        List<Integer> received = new ArrayList<>();
        int timeouts = 0;
        while (true) {
            try {
                Optional<Integer> value = Time.timeout(Duration.ofMillis(20), merged.next()).await();
                if (value.isEmpty()) {
                    break;
                }
                received.add(value.get());
            } catch (Elapsed elapsed) {
                timeouts++;
            }
        }
        assertThat(received).isEqualTo(IntStream.rangeClosed(1, 20).boxed().toList());
        assertThat(timeouts).isPositive();
    }

    @AsyncTest(everyFlavor = true)
    void select_overADerivedStreamOfAPollableSource_losesNoValueWhenAnotherBranchWins() {
        AsyncStream<Integer> evens = AsyncStream.fromIterable(IntStream.rangeClosed(1, 2_000).boxed().toList())
                .filter(n -> n % 2 == 0)
                .map(n -> n / 2)
                .take(500);
        List<Integer> received = new ArrayList<>();
        int otherWins = 0;
        boolean ended = false;
        while (!ended) {
            Optional<Boolean> round = Select.<Optional<Boolean>>builder()
                    .on(evens.next(), value -> value.map(received::add))
                    .on(Time.sleep(Duration.ZERO), idle -> Optional.of(false))
                    .fair()
                    .await();
            ended = round.isEmpty();
            if (round.equals(Optional.of(false))) {
                otherWins++;
            }
        }
        assertThat(received).isEqualTo(IntStream.rangeClosed(1, 500).boxed().toList());
        assertThat(otherWins).isPositive();
    }
}
