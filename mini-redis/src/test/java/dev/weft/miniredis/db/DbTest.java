package dev.weft.miniredis.db;

import dev.weft.Async;
import dev.weft.Weft;
import dev.weft.runtime.Flavor;
import dev.weft.task.JoinHandle;
import dev.weft.test.AsyncTest;
import dev.weft.time.TestClock;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The keyspace's operations, with deadlines on a paused clock. */
class DbTest {

    private static final long START = 1_700_000_000_000L;

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static Db newDb() {
        return new Db(new ExpiryClock(START));
    }

    private static void advance(long millis) {
        TestClock.advance(Duration.ofMillis(millis)).await();
    }

    @AsyncTest(startPaused = true)
    void keysAndValues_areBinarySafe() {
        Db db = newDb();
        Key withNul = Key.of(new byte[] {'k', 0, 1});
        Key other = Key.of(new byte[] {'k', 0, 2});
        db.set(withNul, new byte[] {0, (byte) 0xff});
        assertThat(db.get(withNul)).containsExactly(0, 0xff);
        assertThat(db.get(other)).isNull();
        assertThat(db.get(Key.of(new byte[] {'k', 0, 1}))).containsExactly(0, 0xff);
    }

    @AsyncTest(startPaused = true)
    void setNx_writesOnlyAbsentKeys_andSetXx_onlyPresentOnes() {
        Db db = newDb();
        Key key = Key.of("k");
        assertThat(db.set(key, bytes("1"), SetCondition.XX, false, Db.NO_DEADLINE)).isNull();
        assertThat(db.get(key)).isNull();
        assertThat(db.set(key, bytes("2"), SetCondition.NX, false, Db.NO_DEADLINE)).isNull();
        assertThat(db.set(key, bytes("3"), SetCondition.NX, false, Db.NO_DEADLINE)).isEqualTo(bytes("2"));
        assertThat(db.get(key)).isEqualTo(bytes("2"));
        assertThat(db.set(key, bytes("4"), SetCondition.XX, false, Db.NO_DEADLINE)).isEqualTo(bytes("2"));
        assertThat(db.get(key)).isEqualTo(bytes("4"));
    }

    @AsyncTest(startPaused = true)
    void aKey_livesThroughTheMillisecondOfItsDeadline_andIsGoneAfter() {
        Db db = newDb();
        Key key = Key.of("k");
        db.set(key, bytes("v"), SetCondition.ALWAYS, false, START + 100);
        advance(100);
        assertThat(db.get(key)).isEqualTo(bytes("v"));
        assertThat(db.ttlMillis(key)).isZero();
        advance(1);
        assertThat(db.get(key)).isNull();
        assertThat(db.ttlMillis(key)).isEqualTo(-2);
    }

    @AsyncTest(startPaused = true)
    void readingAnExpiredKey_removesIt_andCountsItAsExpired() {
        Db db = newDb();
        db.set(Key.of("a"), bytes("1"), SetCondition.ALWAYS, false, START + 10);
        db.set(Key.of("b"), bytes("2"));
        advance(11);
        assertThat(db.storedEntries()).isEqualTo(2);
        assertThat(db.get(Key.of("a"))).isNull();
        assertThat(db.storedEntries()).isEqualTo(1);
        assertThat(db.stats().expiredKeys()).isEqualTo(1);
    }

    @AsyncTest(startPaused = true)
    void plainSet_clearsTheDeadline_andKeepTtl_keepsIt() {
        Db db = newDb();
        Key key = Key.of("k");
        db.set(key, bytes("1"), SetCondition.ALWAYS, false, START + 1000);
        db.set(key, bytes("2"), SetCondition.ALWAYS, true, Db.NO_DEADLINE);
        assertThat(db.ttlMillis(key)).isEqualTo(1000);
        db.set(key, bytes("3"));
        assertThat(db.ttlMillis(key)).isEqualTo(-1);
    }

    @AsyncTest(startPaused = true)
    void aDeadlineAlreadyPast_makesTheKeyExpireAtOnce() {
        Db db = newDb();
        db.set(Key.of("k"), bytes("v"), SetCondition.ALWAYS, false, 1);
        assertThat(db.get(Key.of("k"))).isNull();
        db.set(Key.of("k"), bytes("v"));
        assertThat(db.expire(Key.of("k"), START, ExpireCondition.ALWAYS)).isTrue();
        assertThat(db.storedEntries()).isZero();
    }

    @AsyncTest(startPaused = true)
    void expireConditions_followRedis() {
        Db db = newDb();
        Key key = Key.of("k");
        assertThat(db.expire(key, START + 100, ExpireCondition.ALWAYS)).isFalse();
        db.set(key, bytes("v"));
        assertThat(db.expire(key, START + 100, ExpireCondition.XX)).isFalse();
        assertThat(db.expire(key, START + 100, ExpireCondition.GT)).isFalse();
        assertThat(db.expire(key, START + 100, ExpireCondition.LT)).isTrue();
        assertThat(db.expire(key, START + 50, ExpireCondition.NX)).isFalse();
        assertThat(db.expire(key, START + 50, ExpireCondition.GT)).isFalse();
        assertThat(db.expire(key, START + 100, ExpireCondition.LT)).isFalse();
        assertThat(db.expire(key, START + 200, ExpireCondition.GT)).isTrue();
        assertThat(db.expire(key, START + 150, ExpireCondition.LT)).isTrue();
        assertThat(db.expire(key, START + 300, ExpireCondition.XX)).isTrue();
        assertThat(db.ttlMillis(key)).isEqualTo(300);
        assertThat(db.persist(key)).isTrue();
        assertThat(db.persist(key)).isFalse();
        assertThat(db.expire(key, START + 10, ExpireCondition.NX)).isTrue();
        assertThat(db.ttlMillis(key)).isEqualTo(10);
    }

    @AsyncTest(startPaused = true)
    void incrementBy_addsToIntegers_keepsTheDeadline_andRefusesWhatIsNotAnInteger() {
        Db db = newDb();
        Key key = Key.of("n");
        assertThat(db.incrementBy(key, 5)).isEqualTo(5);
        db.expire(key, START + 1000, ExpireCondition.ALWAYS);
        assertThat(db.incrementBy(key, -7)).isEqualTo(-2);
        assertThat(db.get(key)).isEqualTo(bytes("-2"));
        assertThat(db.ttlMillis(key)).isEqualTo(1000);
        db.set(key, bytes(" 1"));
        assertThatThrownBy(() -> db.incrementBy(key, 1)).isInstanceOf(NumberFormatException.class);
        db.set(key, bytes(Long.toString(Long.MAX_VALUE)));
        assertThatThrownBy(() -> db.incrementBy(key, 1)).isInstanceOf(ArithmeticException.class);
        assertThat(db.get(key)).isEqualTo(bytes(Long.toString(Long.MAX_VALUE)));
    }

    @AsyncTest(startPaused = true)
    void multiKeyOperations_countAsRedisDoes() {
        Db db = newDb();
        db.setAll(List.of(Key.of("a"), Key.of("b"), Key.of("a")), List.of(bytes("1"), bytes("2"), bytes("3")));
        assertThat(db.getAll(List.of(Key.of("a"), Key.of("b"), Key.of("c"))))
                .containsExactly(bytes("3"), bytes("2"), null);
        assertThat(db.countExisting(List.of(Key.of("a"), Key.of("a"), Key.of("c")))).isEqualTo(2);
        assertThat(db.delete(List.of(Key.of("a"), Key.of("a"), Key.of("c")))).isEqualTo(1);
        assertThat(db.size()).isEqualTo(1);
        db.clear();
        assertThat(db.size()).isZero();
    }

    @AsyncTest(startPaused = true)
    void setAll_clearsDeadlines() {
        Db db = newDb();
        db.set(Key.of("a"), bytes("1"), SetCondition.ALWAYS, false, START + 10);
        db.setAll(List.of(Key.of("a")), List.of(bytes("2")));
        assertThat(db.ttlMillis(Key.of("a"))).isEqualTo(-1);
    }

    @AsyncTest(startPaused = true)
    void stats_countLiveKeys_andTheExactAverageTimeLeft() {
        Db db = newDb();
        db.set(Key.of("a"), bytes("1"), SetCondition.ALWAYS, false, START + 1000);
        db.set(Key.of("b"), bytes("2"), SetCondition.ALWAYS, false, START + 3000);
        db.set(Key.of("c"), bytes("3"), SetCondition.ALWAYS, false, Long.MAX_VALUE);
        db.set(Key.of("d"), bytes("4"));
        db.set(Key.of("c"), bytes("3"));
        assertThat(db.stats()).isEqualTo(new KeyspaceStats(4, 2, 2000, 0));
        advance(1001);
        assertThat(db.stats()).isEqualTo(new KeyspaceStats(3, 1, 1999, 1));
    }

    @AsyncTest(flavor = Flavor.MULTI_THREAD, workerThreads = 4, timeoutMillis = 30_000)
    void concurrentIncrements_fromManyTasks_areAllCounted() {
        Db db = new Db(new ExpiryClock());
        List<JoinHandle<Void>> tasks = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            tasks.add(Weft.spawn(Async.run(() -> {
                for (int i = 0; i < 2_000; i++) {
                    db.incrementBy(Key.of("counter"), 1);
                    db.set(Key.of("k" + (i % 50)), bytes("v"), SetCondition.ALWAYS, false, db.clock().nowMillis() + 60_000);
                }
            })));
        }
        tasks.forEach(JoinHandle::await);
        assertThat(db.get(Key.of("counter"))).isEqualTo(bytes("16000"));
        assertThat(db.stats().expiring()).isEqualTo(50);
    }

    @AsyncTest(startPaused = true)
    void keys_compareByContent() {
        assertThat(Key.of("ab")).isEqualTo(Key.of(bytes("ab"))).hasSameHashCodeAs(Key.of("ab"));
        assertThat(Key.of("ab")).isNotEqualTo(Key.of("ac"));
        assertThat(Key.of(new byte[] {(byte) 0x80}).compareTo(Key.of(new byte[] {1}))).isPositive();
        assertThat(Key.of(new byte[] {'k', 0, '\n'})).hasToString("Key[k\\x00\\n]");
        assertThat(Arrays.asList(Key.of("b"), Key.of("a")).stream().sorted().toList()).containsExactly(Key.of("a"), Key.of("b"));
    }
}
