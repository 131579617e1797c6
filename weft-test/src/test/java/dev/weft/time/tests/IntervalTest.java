package dev.weft.time.tests;

import dev.weft.Async;
import dev.weft.Weft;
import dev.weft.runtime.AsyncRuntime;
import dev.weft.task.JoinHandle;
import dev.weft.test.AsyncTest;
import dev.weft.time.Interval;
import dev.weft.time.MissedTickBehavior;
import dev.weft.time.Moment;
import dev.weft.time.Time;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Interval ticks on a paused clock. Each record is (ms since start at which tick() returned, ms since
 * start the tick was scheduled for).
 */
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class IntervalTest {

    private static final Duration PERIOD = Duration.ofMillis(10);

    /** Ticks once, stalls 35 ms (missing the ticks at 10, 20 and 30), then ticks five more times. */
    private static List<String> ticksAfterAStall(MissedTickBehavior behavior) {
        try (AsyncRuntime runtime = AsyncRuntime.builder().currentThread().startPaused(true).build()) {
            return runtime.blockOn(Async.of(() -> {
                Moment start = Time.now();
                Interval interval = Time.interval(PERIOD).missedTickBehavior(behavior);
                List<String> ticks = new ArrayList<>();
                ticks.add(record(start, interval.tick().await()));
                Time.sleep(Duration.ofMillis(35)).await();
                for (int i = 0; i < 5; i++) {
                    ticks.add(record(start, interval.tick().await()));
                }
                return ticks;
            }));
        }
    }

    private static String record(Moment start, Moment scheduled) {
        return Time.now().durationSince(start).toMillis() + "@" + scheduled.durationSince(start).toMillis();
    }

    @AsyncTest(startPaused = true)
    void firstTick_completesAtOnce_thenOnePerPeriod() {
        Moment start = Time.now();
        Interval interval = Time.interval(PERIOD);
        List<String> ticks = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ticks.add(record(start, interval.tick().await()));
        }
        assertThat(ticks).containsExactly("0@0", "10@10", "20@20", "30@30");
    }

    @Test
    void burst_catchesUpOnTheMissedTicksAtOnce_onTheOriginalGrid() {
        assertThat(ticksAfterAStall(MissedTickBehavior.BURST))
                .containsExactly("0@0", "35@10", "35@20", "35@30", "40@40", "50@50");
    }

    @Test
    void delay_restartsThePeriodFromTheLateTick() {
        assertThat(ticksAfterAStall(MissedTickBehavior.DELAY))
                .containsExactly("0@0", "35@10", "45@45", "55@55", "65@65", "75@75");
    }

    @Test
    void skip_dropsTheMissedTicks_andKeepsTheGrid() {
        assertThat(ticksAfterAStall(MissedTickBehavior.SKIP))
                .containsExactly("0@0", "35@10", "40@40", "50@50", "60@60", "70@70");
    }

    @AsyncTest(startPaused = true)
    void aCancelledTick_isNotConsumed() {
        Moment start = Time.now();
        Interval interval = Time.interval(Duration.ofSeconds(1));
        interval.tick().await();
        JoinHandle<Moment> waiting = Weft.spawn(interval.tick());
        Weft.yieldNow().await();
        waiting.abort();
        assertThat(record(start, interval.tick().await())).isEqualTo("1000@1000");
    }

    @Test
    void periods_thatAreZeroOrNegative_areRefused() {
        assertThatThrownBy(() -> Time.interval(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("period must be positive");
        assertThatThrownBy(() -> Time.interval(Duration.ofMillis(-5))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("duration < 0");
    }
}
