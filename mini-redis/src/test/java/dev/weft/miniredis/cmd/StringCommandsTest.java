package dev.weft.miniredis.cmd;

import dev.weft.test.AsyncTest;
import dev.weft.time.TestClock;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** GET, SET with every option, the counters, MGET and MSET: replies compared with Redis 7.0.15's bytes. */
class StringCommandsTest {

    @AsyncTest(startPaused = true)
    void get_ofAMissingKey_isTheNullBulkString_andOfASetOne_itsValue() {
        Connection redis = new Connection();
        assertThat(redis.send("GET", "k")).isEqualTo("$-1\r\n");
        assertThat(redis.send("SET", "k", "hello")).isEqualTo("+OK\r\n");
        assertThat(redis.send("GET", "k")).isEqualTo("$5\r\nhello\r\n");
        assertThat(redis.send("GET", "k", "x")).isEqualTo("-ERR wrong number of arguments for 'get' command\r\n");
    }

    @AsyncTest(startPaused = true)
    void binaryKeysAndValues_roundTrip() {
        Connection redis = new Connection();
        byte[] key = {0, '\r', '\n', (byte) 0xff};
        byte[] value = {(byte) 0x80, 0, 1};
        assertThat(redis.sendBytes("SET".getBytes(), key, value)).isEqualTo("+OK\r\n");
        assertThat(redis.sendBytes("GET".getBytes(), key)).isEqualTo("$3\r\n\u0080\u0000\u0001\r\n");
    }

    @AsyncTest(startPaused = true)
    void set_expiryValuesThatAreNotIntegersOrOverflow_areErrors_andChangeNothing() {
        Connection redis = new Connection();
        assertThat(redis.send("SET", "k", "v", "EX", "18446744073709551615")).isEqualTo("-ERR value is not an integer or out of range\r\n");
        assertThat(redis.send("SET", "k", "v", "EX", "abc")).isEqualTo("-ERR value is not an integer or out of range\r\n");
        assertThat(redis.send("SET", "k", "v", "EX", "9223372036854775807")).isEqualTo("-ERR invalid expire time in 'set' command\r\n");
        assertThat(redis.send("SET", "k", "v", "PX", "9223372036854775807")).isEqualTo("-ERR invalid expire time in 'set' command\r\n");
        assertThat(redis.send("SET", "k", "v", "EX", "0")).isEqualTo("-ERR invalid expire time in 'set' command\r\n");
        assertThat(redis.send("SET", "k", "v", "PX", "-1")).isEqualTo("-ERR invalid expire time in 'set' command\r\n");
        assertThat(redis.send("DBSIZE")).isEqualTo(":0\r\n");
    }

    @AsyncTest(startPaused = true)
    void set_optionCombinationsRedisRefuses_areSyntaxErrors() {
        Connection redis = new Connection();
        for (String[] options : new String[][] {{"EX"}, {"NX", "XX"}, {"XX", "NX"}, {"KEEPTTL", "EX", "10"},
                {"EX", "10", "KEEPTTL"}, {"EX", "10", "PX", "10"}, {"PXAT", "1", "EXAT", "1"}, {"FOO"}, {"GET", "PX"}}) {
            String[] words = new String[3 + options.length];
            words[0] = "SET";
            words[1] = "k";
            words[2] = "v";
            System.arraycopy(options, 0, words, 3, options.length);
            assertThat(redis.send(words)).as(String.join(" ", options)).isEqualTo("-ERR syntax error\r\n");
        }
    }

    @AsyncTest(startPaused = true)
    void set_optionsAreCaseInsensitive_andRepeatable() {
        Connection redis = new Connection();
        assertThat(redis.send("SET", "k", "v", "ex", "10", "Ex", "20", "nx", "NX")).isEqualTo("+OK\r\n");
        assertThat(redis.send("TTL", "k")).isEqualTo(":20\r\n");
    }

    @AsyncTest(startPaused = true)
    void set_withExpiry_setsTheDeadline_everyWay() {
        Connection redis = new Connection();
        assertThat(redis.send("SET", "a", "v", "EX", "10")).isEqualTo("+OK\r\n");
        assertThat(redis.send("PTTL", "a")).isEqualTo(":10000\r\n");
        assertThat(redis.send("SET", "b", "v", "PX", "1500")).isEqualTo("+OK\r\n");
        assertThat(redis.send("PTTL", "b")).isEqualTo(":1500\r\n");
        assertThat(redis.send("SET", "c", "v", "EXAT", Long.toString(Connection.START / 1000 + 30))).isEqualTo("+OK\r\n");
        assertThat(redis.send("TTL", "c")).isEqualTo(":30\r\n");
        assertThat(redis.send("SET", "d", "v", "PXAT", Long.toString(Connection.START + 250))).isEqualTo("+OK\r\n");
        assertThat(redis.send("PTTL", "d")).isEqualTo(":250\r\n");
        assertThat(redis.send("SET", "e", "v", "PXAT", "9223372036854775807")).isEqualTo("+OK\r\n");
        assertThat(redis.send("PTTL", "e")).isEqualTo(":" + (Long.MAX_VALUE - Connection.START) + "\r\n");
    }

    @AsyncTest(startPaused = true)
    void set_withADeadlineInThePast_leavesNoKey() {
        Connection redis = new Connection();
        assertThat(redis.send("SET", "k", "v", "EXAT", "1")).isEqualTo("+OK\r\n");
        assertThat(redis.send("EXISTS", "k")).isEqualTo(":0\r\n");
    }

    @AsyncTest(startPaused = true)
    void set_withExpiry_isGoneAfterTheDeadline() {
        Connection redis = new Connection();
        redis.send("SET", "k", "v", "PX", "100");
        TestClock.advance(Duration.ofMillis(100)).await();
        assertThat(redis.send("GET", "k")).isEqualTo("$1\r\nv\r\n");
        TestClock.advance(Duration.ofMillis(1)).await();
        assertThat(redis.send("GET", "k")).isEqualTo("$-1\r\n");
    }

    @AsyncTest(startPaused = true)
    void set_nxXxGetAndKeepTtl_replyAsRedisDoes() {
        Connection redis = new Connection();
        assertThat(redis.send("SET", "k", "v", "PXAT", "9223372036854775807")).isEqualTo("+OK\r\n");
        assertThat(redis.send("SET", "k", "v2", "GET")).isEqualTo("$1\r\nv\r\n");
        assertThat(redis.send("PTTL", "k")).isEqualTo(":-1\r\n");
        assertThat(redis.send("SET", "k", "v3", "NX", "GET")).isEqualTo("$2\r\nv2\r\n");
        assertThat(redis.send("GET", "k")).isEqualTo("$2\r\nv2\r\n");
        assertThat(redis.send("SET", "nokey", "v3", "XX", "GET")).isEqualTo("$-1\r\n");
        assertThat(redis.send("SET", "nokey", "v3", "XX")).isEqualTo("$-1\r\n");
        assertThat(redis.send("SET", "k", "v", "NX")).isEqualTo("$-1\r\n");
        assertThat(redis.send("SET", "new", "v", "NX")).isEqualTo("+OK\r\n");
        assertThat(redis.send("EXPIRE", "k", "100")).isEqualTo(":1\r\n");
        assertThat(redis.send("SET", "k", "v4", "XX", "GET", "KEEPTTL")).isEqualTo("$2\r\nv2\r\n");
        assertThat(redis.send("TTL", "k")).isEqualTo(":100\r\n");
        assertThat(redis.send("GET", "k")).isEqualTo("$2\r\nv4\r\n");
    }

    @AsyncTest(startPaused = true)
    void counters_addAndReportOverflowAsRedisDoes() {
        Connection redis = new Connection();
        assertThat(redis.send("INCR", "n")).isEqualTo(":1\r\n");
        assertThat(redis.send("INCRBY", "n", "41")).isEqualTo(":42\r\n");
        assertThat(redis.send("DECR", "n")).isEqualTo(":41\r\n");
        assertThat(redis.send("DECRBY", "n", "-9")).isEqualTo(":50\r\n");
        assertThat(redis.send("INCRBY", "n", "9223372036854775807")).isEqualTo("-ERR increment or decrement would overflow\r\n");
        assertThat(redis.send("DECRBY", "n", "-9223372036854775808")).isEqualTo("-ERR decrement would overflow\r\n");
        assertThat(redis.send("INCRBY", "n", "abc")).isEqualTo("-ERR value is not an integer or out of range\r\n");
        assertThat(redis.send("GET", "n")).isEqualTo("$2\r\n50\r\n");
        redis.send("SET", "n", " 1");
        assertThat(redis.send("INCR", "n")).isEqualTo("-ERR value is not an integer or out of range\r\n");
        redis.send("SET", "n", "9223372036854775807");
        assertThat(redis.send("INCR", "n")).isEqualTo("-ERR increment or decrement would overflow\r\n");
        redis.send("SET", "n", "-9223372036854775808");
        assertThat(redis.send("DECR", "n")).isEqualTo("-ERR increment or decrement would overflow\r\n");
        assertThat(redis.send("INCR")).isEqualTo("-ERR wrong number of arguments for 'incr' command\r\n");
    }

    @AsyncTest(startPaused = true)
    void incr_keepsTheKeysDeadline() {
        Connection redis = new Connection();
        redis.send("SET", "n", "1", "EX", "100");
        redis.send("INCR", "n");
        assertThat(redis.send("TTL", "n")).isEqualTo(":100\r\n");
    }

    @AsyncTest(startPaused = true)
    void msetAndMget_workOnManyKeys() {
        Connection redis = new Connection();
        assertThat(redis.send("MSET", "a", "1", "b")).isEqualTo("-ERR wrong number of arguments for 'mset' command\r\n");
        assertThat(redis.send("MSET", "a", "1", "b", "2")).isEqualTo("+OK\r\n");
        assertThat(redis.send("MGET", "a", "b", "c")).isEqualTo("*3\r\n$1\r\n1\r\n$1\r\n2\r\n$-1\r\n");
        assertThat(redis.send("MGET")).isEqualTo("-ERR wrong number of arguments for 'mget' command\r\n");
    }
}
