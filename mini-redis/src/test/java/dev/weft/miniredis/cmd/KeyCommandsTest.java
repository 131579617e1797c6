package dev.weft.miniredis.cmd;

import dev.weft.test.AsyncTest;
import dev.weft.time.TestClock;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** DEL, EXISTS, EXPIRE, PEXPIRE, TTL, PTTL and PERSIST on a paused clock, against Redis 7.0.15's replies. */
class KeyCommandsTest {

    private static void advance(long millis) {
        TestClock.advance(Duration.ofMillis(millis)).await();
    }

    @AsyncTest(startPaused = true)
    void delAndExists_countKeys() {
        Connection redis = new Connection();
        redis.send("MSET", "a", "1", "b", "2");
        assertThat(redis.send("EXISTS", "a", "a", "c")).isEqualTo(":2\r\n");
        assertThat(redis.send("DEL", "a", "b", "c", "a")).isEqualTo(":2\r\n");
        assertThat(redis.send("EXISTS", "a")).isEqualTo(":0\r\n");
        assertThat(redis.send("DEL")).isEqualTo("-ERR wrong number of arguments for 'del' command\r\n");
    }

    @AsyncTest(startPaused = true)
    void expireOptions_areCheckedBeforeTheTime_withRedisMessages() {
        Connection redis = new Connection();
        redis.send("SET", "k", "v");
        assertThat(redis.send("EXPIRE", "k", "10", "FOO")).isEqualTo("-ERR Unsupported option FOO\r\n");
        assertThat(redis.send("EXPIRE", "k", "abc", "FOO")).isEqualTo("-ERR Unsupported option FOO\r\n");
        assertThat(redis.send("EXPIRE", "k", "10", "NX", "XX"))
                .isEqualTo("-ERR NX and XX, GT or LT options at the same time are not compatible\r\n");
        assertThat(redis.send("EXPIRE", "k", "10", "nx", "gt"))
                .isEqualTo("-ERR NX and XX, GT or LT options at the same time are not compatible\r\n");
        assertThat(redis.send("EXPIRE", "k", "10", "GT", "LT")).isEqualTo("-ERR GT and LT options at the same time are not compatible\r\n");
        assertThat(redis.send("EXPIRE", "k", "abc")).isEqualTo("-ERR value is not an integer or out of range\r\n");
        assertThat(redis.send("EXPIRE", "k", "9223372036854775807")).isEqualTo("-ERR invalid expire time in 'expire' command\r\n");
        assertThat(redis.send("EXPIRE", "k", "-9223372036854775808")).isEqualTo("-ERR invalid expire time in 'expire' command\r\n");
        assertThat(redis.send("PEXPIRE", "k", "9223372036854775807")).isEqualTo("-ERR invalid expire time in 'pexpire' command\r\n");
        assertThat(redis.send("EXPIRE", "nokey", "9223372036854775807")).isEqualTo("-ERR invalid expire time in 'expire' command\r\n");
        assertThat(redis.send("TTL", "k")).isEqualTo(":-1\r\n");
    }

    @AsyncTest(startPaused = true)
    void expireConditions_followRedis() {
        Connection redis = new Connection();
        redis.send("SET", "k", "v");
        assertThat(redis.send("EXPIRE", "nokey", "10")).isEqualTo(":0\r\n");
        assertThat(redis.send("EXPIRE", "k", "100", "XX")).isEqualTo(":0\r\n");
        assertThat(redis.send("EXPIRE", "k", "100", "NX")).isEqualTo(":1\r\n");
        assertThat(redis.send("TTL", "k")).isEqualTo(":100\r\n");
        assertThat(redis.send("EXPIRE", "k", "50", "GT")).isEqualTo(":0\r\n");
        assertThat(redis.send("EXPIRE", "k", "50", "LT")).isEqualTo(":1\r\n");
        assertThat(redis.send("TTL", "k")).isEqualTo(":50\r\n");
        assertThat(redis.send("EXPIRE", "k", "60", "XX", "GT")).isEqualTo(":1\r\n");
        assertThat(redis.send("PERSIST", "k")).isEqualTo(":1\r\n");
        assertThat(redis.send("PERSIST", "k")).isEqualTo(":0\r\n");
        assertThat(redis.send("EXPIRE", "k", "10", "XX", "LT")).isEqualTo(":0\r\n");
        assertThat(redis.send("EXPIRE", "k", "10", "GT")).isEqualTo(":0\r\n");
        assertThat(redis.send("EXPIRE", "k", "10", "LT")).isEqualTo(":1\r\n");
        assertThat(redis.send("PEXPIRE", "k", "1500")).isEqualTo(":1\r\n");
        assertThat(redis.send("PTTL", "k")).isEqualTo(":1500\r\n");
    }

    @AsyncTest(startPaused = true)
    void expireWithATimeNotInTheFuture_deletesTheKey() {
        Connection redis = new Connection();
        redis.send("SET", "k", "v");
        assertThat(redis.send("EXPIRE", "k", "-1")).isEqualTo(":1\r\n");
        assertThat(redis.send("EXISTS", "k")).isEqualTo(":0\r\n");
        assertThat(redis.send("TTL", "k")).isEqualTo(":-2\r\n");
        redis.send("SET", "k", "v");
        assertThat(redis.send("PEXPIRE", "k", "0")).isEqualTo(":1\r\n");
        assertThat(redis.send("EXISTS", "k")).isEqualTo(":0\r\n");
    }

    @AsyncTest(startPaused = true)
    void ttl_roundsToTheNearestSecond_andPttlIsExact_asTimePasses() {
        Connection redis = new Connection();
        redis.send("SET", "k", "v", "PX", "2600");
        assertThat(redis.send("TTL", "k")).isEqualTo(":3\r\n");
        advance(101);
        assertThat(redis.send("TTL", "k")).isEqualTo(":2\r\n");
        assertThat(redis.send("PTTL", "k")).isEqualTo(":2499\r\n");
        advance(2499);
        assertThat(redis.send("PTTL", "k")).isEqualTo(":0\r\n");
        assertThat(redis.send("TTL", "k")).isEqualTo(":0\r\n");
        advance(1);
        assertThat(redis.send("PTTL", "k")).isEqualTo(":-2\r\n");
    }

    @AsyncTest(startPaused = true)
    void expiredKeys_disappearFromEveryCommand() {
        Connection redis = new Connection();
        redis.send("MSET", "a", "1", "b", "2");
        redis.send("PEXPIRE", "a", "10");
        advance(11);
        assertThat(redis.send("EXISTS", "a", "b")).isEqualTo(":1\r\n");
        assertThat(redis.send("MGET", "a", "b")).isEqualTo("*2\r\n$-1\r\n$1\r\n2\r\n");
        assertThat(redis.send("DBSIZE")).isEqualTo(":1\r\n");
        assertThat(redis.send("INCR", "a")).isEqualTo(":1\r\n");
        assertThat(redis.send("TTL", "a")).isEqualTo(":-1\r\n");
    }
}
