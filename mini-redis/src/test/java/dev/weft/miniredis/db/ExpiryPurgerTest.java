package dev.weft.miniredis.db;

import dev.weft.test.AsyncTest;
import dev.weft.time.TestClock;
import dev.weft.time.Time;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The background purge on a paused clock: when it wakes, what it removes, and how it stops. */
class ExpiryPurgerTest {

    private static final long START = 1_700_000_000_000L;
    private static final byte[] VALUE = "v".getBytes(StandardCharsets.UTF_8);

    private static void advance(long millis) {
        TestClock.advance(Duration.ofMillis(millis)).await();
    }

    /** Lets every runnable task run: the clock moves on only once all of them are idle. */
    private static void settle() {
        Time.sleep(Duration.ofMillis(1)).await();
    }

    private static void setWithDeadline(Db db, String key, long deadline) {
        db.set(Key.of(key), VALUE, SetCondition.ALWAYS, false, deadline);
    }

    @AsyncTest(startPaused = true)
    void untouchedKeys_areRemovedOnceTheirDeadlinePasses() {
        Db db = new Db(new ExpiryClock(START));
        try (ExpiryPurger ignored = ExpiryPurger.start(db)) {
            setWithDeadline(db, "a", START + 100);
            setWithDeadline(db, "b", START + 200);
            db.set(Key.of("forever"), VALUE);
            advance(99);
            assertThat(db.storedEntries()).isEqualTo(3);
            advance(50);
            settle();
            assertThat(db.storedEntries()).isEqualTo(2);
            advance(100);
            settle();
            assertThat(db.storedEntries()).isEqualTo(1);
            assertThat(db.stats().expiredKeys()).isEqualTo(2);
        }
    }

    @AsyncTest(startPaused = true)
    void anEarlierDeadline_wakesThePurgerEarly() {
        Db db = new Db(new ExpiryClock(START));
        try (ExpiryPurger ignored = ExpiryPurger.start(db)) {
            setWithDeadline(db, "late", START + 60_000);
            settle();
            setWithDeadline(db, "early", START + 10);
            advance(20);
            settle();
            assertThat(db.storedEntries()).isEqualTo(1);
            assertThat(db.get(Key.of("late"))).isEqualTo(VALUE);
        }
    }

    @AsyncTest(startPaused = true)
    void aBurstOfExpiries_isRemovedInBatches() {
        Db db = new Db(new ExpiryClock(START));
        try (ExpiryPurger ignored = ExpiryPurger.start(db)) {
            for (int i = 0; i < 10_000; i++) {
                setWithDeadline(db, "k" + i, START + 5 + i % 3);
            }
            advance(10);
            settle();
            assertThat(db.storedEntries()).isZero();
        }
    }

    @AsyncTest(startPaused = true)
    void withNoDeadlines_thePurgerSleeps_andLetsTheClockJump() {
        Db db = new Db(new ExpiryClock(START));
        try (ExpiryPurger ignored = ExpiryPurger.start(db)) {
            db.set(Key.of("k"), VALUE);
            Time.sleep(Duration.ofHours(1)).await();
            assertThat(db.clock().nowMillis()).isEqualTo(START + 3_600_000);
        }
    }

    @AsyncTest(startPaused = true)
    void stop_endsTheTask_andExpiryStaysLazy() {
        Db db = new Db(new ExpiryClock(START));
        ExpiryPurger purger = ExpiryPurger.start(db);
        settle();
        purger.stop().await();
        setWithDeadline(db, "k", START + 5);
        advance(100);
        settle();
        assertThat(db.storedEntries()).isEqualTo(1);
        assertThat(db.get(Key.of("k"))).isNull();
        assertThat(db.storedEntries()).isZero();
    }
}
