package dev.weft.stream.tests;

import dev.weft.Async;
import dev.weft.stream.AsyncStream;
import dev.weft.test.AsyncTest;
import dev.weft.time.Elapsed;
import dev.weft.time.Moment;
import dev.weft.time.Time;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Streams that involve time (ticks, chunksTimeout, throttle), on a paused clock. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class StreamTimingTest {

    /** A stream of "name@ms" values, each produced at its own delay (ms) after the previous one. */
    private static AsyncStream<String> arrivingAfter(long... delays) {
        Moment start = Time.now();
        List<Long> pending = new ArrayList<>();
        for (long delay : delays) {
            pending.add(delay);
        }
        return () -> Async.of(() -> {
            if (pending.isEmpty()) {
                return Optional.empty();
            }
            Time.sleep(Duration.ofMillis(pending.remove(0))).await();
            return Optional.of("v@" + millisSince(start));
        });
    }

    private static long millisSince(Moment start) {
        return Time.now().durationSince(start).toMillis();
    }

    /** Each chunk as "[values] at ms". */
    private static List<String> chunksWithTimes(AsyncStream<List<String>> chunks) {
        Moment start = Time.now();
        List<String> seen = new ArrayList<>();
        for (Optional<List<String>> chunk; (chunk = chunks.next().await()).isPresent(); ) {
            seen.add(chunk.get() + " at " + millisSince(start));
        }
        return seen;
    }

    @AsyncTest(startPaused = true)
    void ticks_areTheIntervalsScheduledMoments() {
        Moment start = Time.now();
        List<Long> ticks = AsyncStream.ticks(Time.interval(Duration.ofMillis(250))).take(4)
                .map(moment -> moment.durationSince(start).toMillis())
                .toList().await();
        assertThat(ticks).containsExactly(0L, 250L, 500L, 750L);
    }

    @AsyncTest(startPaused = true)
    void chunksTimeout_closesAChunkOneTimeoutAfterItsFirstValue() {
        AsyncStream<List<String>> chunks = arrivingAfter(0, 400, 400, 400, 1_000)
                .chunksTimeout(10, Duration.ofSeconds(1));
        assertThat(chunksWithTimes(chunks)).containsExactly(
                "[v@0, v@400, v@800] at 1000",
                "[v@1200] at 2200",
                "[v@2200] at 2200");
    }

    @AsyncTest(startPaused = true)
    void chunksTimeout_closesAFullChunkAtOnce_andFlushesTheLastOneWhenTheSourceEnds() {
        AsyncStream<List<String>> chunks = arrivingAfter(10, 10, 10, 10, 10)
                .chunksTimeout(2, Duration.ofHours(1));
        assertThat(chunksWithTimes(chunks)).containsExactly(
                "[v@10, v@20] at 20",
                "[v@30, v@40] at 40",
                "[v@50] at 50");
    }

    @AsyncTest(startPaused = true)
    void chunksTimeout_aCancelledNext_keepsTheValuesGatheredSoFar() {
        AsyncStream<List<Integer>> chunks = AsyncStream.ticks(Time.interval(Duration.ofMillis(100)))
                .map(ignored -> 1)
                .take(5)
                .chunksTimeout(100, Duration.ofHours(1));
        assertThatThrownBy(() -> Time.timeout(Duration.ofMillis(250), chunks.next()).await())
                .isInstanceOf(Elapsed.class);
        assertThat(chunks.next().await()).contains(List.of(1, 1, 1, 1, 1));
        assertThat(chunks.next().await()).isEmpty();
    }

    @AsyncTest(startPaused = true)
    void chunksTimeout_rejectsBadArguments() {
        assertThatThrownBy(() -> AsyncStream.of(1).chunksTimeout(0, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxSize <= 0: 0");
        assertThatThrownBy(() -> AsyncStream.of(1).chunksTimeout(1, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeout < 0");
    }

    @AsyncTest(startPaused = true)
    void throttle_spacesValuesAtLeastAPeriodApart_theFirstWithoutDelay() {
        Moment start = Time.now();
        List<Long> times = AsyncStream.of(1, 2, 3, 4).throttle(Duration.ofSeconds(1))
                .map(ignored -> millisSince(start))
                .toList().await();
        assertThat(times).containsExactly(0L, 1_000L, 2_000L, 3_000L);
    }

    @AsyncTest(startPaused = true)
    void throttle_pullsTheSourceOnlyOnceThePeriodHasPassed() {
        // the source takes 1.5 s per value from the moment it is pulled; the second pull waits for 2.5 s
        List<String> values = arrivingAfter(1_500, 1_500).throttle(Duration.ofSeconds(1)).toList().await();
        assertThat(values).containsExactly("v@1500", "v@4000");
    }

    @AsyncTest(startPaused = true)
    void throttle_aCancelledNext_keepsTheDelayAlreadyWaited() {
        Moment start = Time.now();
        AsyncStream<Integer> throttled = AsyncStream.of(1, 2).throttle(Duration.ofSeconds(1));
        assertThat(throttled.next().await()).contains(1);
        assertThatThrownBy(() -> Time.timeout(Duration.ofMillis(600), throttled.next()).await())
                .isInstanceOf(Elapsed.class);
        assertThat(throttled.next().await()).contains(2);
        assertThat(millisSince(start)).isEqualTo(1_000L);
    }
}
