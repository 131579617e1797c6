package dev.weft.runtime.internal.time;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(60)
class TimerWheelTest {

    private final TimerWheel wheel = new TimerWheel();
    private final List<TimerEntry> fired = new ArrayList<>();

    /** An entry that only records that it fired. */
    private static final class Entry extends TimerEntry {
        int fires;

        @Override
        protected void fire() {
            fires++;
        }
    }

    private Entry scheduled(long deadline) {
        Entry entry = new Entry();
        assertThat(wheel.insert(entry, deadline)).isTrue();
        return entry;
    }

    private List<TimerEntry> advanceTo(long now) {
        fired.clear();
        wheel.advance(now, fired::add);
        return fired;
    }

    @Test
    void insert_ofADeadlineAlreadyReached_isRefused() {
        advanceTo(10);
        Entry entry = new Entry();
        assertThat(wheel.insert(entry, 10)).isFalse();
        assertThat(wheel.insert(entry, 3)).isFalse();
        assertThat(entry.isScheduled()).isFalse();
        assertThat(wheel.size()).isZero();
    }

    @Test
    void insert_ofAnEntryAlreadyScheduled_throws() {
        Entry entry = scheduled(5);
        assertThatThrownBy(() -> wheel.insert(entry, 7)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already scheduled");
    }

    @Test
    void advance_firesEachEntryAtItsTick_notBefore() {
        Entry at1 = scheduled(1);
        Entry at64 = scheduled(64);
        Entry at100 = scheduled(100);
        Entry at5000 = scheduled(5_000);

        assertThat(advanceTo(0)).isEmpty();
        assertThat(advanceTo(1)).containsExactly(at1);
        assertThat(advanceTo(63)).isEmpty();
        assertThat(advanceTo(64)).containsExactly(at64);
        assertThat(advanceTo(99)).isEmpty();
        assertThat(advanceTo(4_999)).containsExactly(at100);
        assertThat(advanceTo(5_000)).containsExactly(at5000);
        assertThat(wheel.size()).isZero();
        assertThat(wheel.nextDeadline()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void entriesOfTheSameTick_fireInInsertionOrder() {
        Entry first = scheduled(300);
        Entry second = scheduled(300);
        Entry third = scheduled(300);
        assertThat(advanceTo(1_000)).containsExactly(first, second, third);
    }

    @Test
    void nextDeadline_neverPassesTheEarliestEntry_andStepsReachIt() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 1_000; i++) {
            long deadline = wheel.elapsed() + 1 + random.nextLong(50_000_000L);
            Entry entry = scheduled(deadline);
            int steps = 0;
            while (entry.isScheduled()) {
                long next = wheel.nextDeadline();
                assertThat(next).isLessThanOrEqualTo(deadline).isGreaterThan(wheel.elapsed());
                advanceTo(next);
                steps++;
            }
            assertThat(fired).containsExactly(entry);
            assertThat(wheel.elapsed()).isEqualTo(deadline);
            assertThat(steps).isLessThanOrEqualTo(TimerWheel.LEVELS);
        }
    }

    @Test
    void hundredThousandRandomTimers_fireOnce_inDeadlineOrder() {
        SplittableRandom random = new SplittableRandom(42);
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            entries.add(scheduled(1 + random.nextLong(10_000_000L)));
        }
        List<TimerEntry> order = new ArrayList<>();
        long now = 0;
        while (wheel.size() > 0) {
            now += 1 + random.nextLong(20_000);
            wheel.advance(now, entry -> {
                assertThat(entry.deadline()).isLessThanOrEqualTo(wheel.elapsed());
                order.add(entry);
            });
        }
        assertThat(order).hasSize(entries.size()).doesNotHaveDuplicates();
        for (int i = 1; i < order.size(); i++) {
            assertThat(order.get(i).deadline()).isGreaterThanOrEqualTo(order.get(i - 1).deadline());
        }
    }

    @Test
    void removedEntries_neverFire_andLeaveNothingBehind() {
        Entry kept = scheduled(1_000);
        for (int i = 0; i < 1_000_000; i++) {
            Entry entry = scheduled(1 + (i * 7919L) % 100_000_000L);
            wheel.remove(entry);
            assertThat(entry.isScheduled()).isFalse();
        }
        assertThat(wheel.size()).isEqualTo(1);
        assertThat(wheel.nextDeadline()).isLessThanOrEqualTo(1_000);
        assertThat(advanceTo(200_000_000L)).containsExactly(kept);
        assertThat(wheel.nextDeadline()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void removingTheMiddleOfASlot_keepsTheOthers() {
        Entry first = scheduled(40);
        Entry middle = scheduled(40);
        Entry last = scheduled(40);
        wheel.remove(middle);
        wheel.remove(middle);
        assertThat(advanceTo(40)).containsExactly(first, last);
    }

    @Test
    void deadlinesYearsAhead_fireAtTheirTick() {
        long threeYears = 3L * 365 * 24 * 3_600_000L;
        assertThat(threeYears).isGreaterThan(TimerWheel.MAX_DURATION);
        Entry far = scheduled(threeYears);
        Entry near = scheduled(10);
        assertThat(advanceTo(10)).containsExactly(near);
        long now = 10;
        while (now < threeYears - 1) {
            now = Math.min(threeYears - 1, now + 86_400_000L * 30);
            assertThat(advanceTo(now)).isEmpty();
        }
        assertThat(advanceTo(threeYears)).containsExactly(far);
    }

    @Test
    void levelFor_placesADeadlineAtTheLevelOfItsHighestDifferingBits() {
        assertThat(TimerWheel.levelFor(0, 1)).isZero();
        assertThat(TimerWheel.levelFor(0, 63)).isZero();
        assertThat(TimerWheel.levelFor(0, 64)).isEqualTo(1);
        assertThat(TimerWheel.levelFor(0, 4_095)).isEqualTo(1);
        assertThat(TimerWheel.levelFor(0, 4_096)).isEqualTo(2);
        assertThat(TimerWheel.levelFor(100, 120)).isZero();
        assertThat(TimerWheel.levelFor(0, Long.MAX_VALUE / 2)).isEqualTo(TimerWheel.LEVELS - 1);
    }
}
