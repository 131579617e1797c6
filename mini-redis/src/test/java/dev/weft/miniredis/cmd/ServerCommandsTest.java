package dev.weft.miniredis.cmd;

import dev.weft.miniredis.frame.Frame;
import dev.weft.miniredis.frame.FrameParser;
import dev.weft.miniredis.frame.ProtocolLimits;
import dev.weft.test.AsyncTest;
import dev.weft.time.TestClock;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** DBSIZE, FLUSHDB, CONFIG GET, COMMAND and INFO, against Redis 7.0.15's replies where they are the same. */
class ServerCommandsTest {

    private static Frame parsed(String resp) {
        ByteBuffer buffer = ByteBuffer.wrap(resp.getBytes(StandardCharsets.ISO_8859_1));
        FrameParser parser = new FrameParser(ProtocolLimits.DEFAULT);
        assertThat(parser.check(buffer)).isTrue();
        Frame frame = parser.parse(buffer);
        assertThat(buffer.hasRemaining()).isFalse();
        return frame;
    }

    @AsyncTest(startPaused = true)
    void dbsizeAndFlushdb_countAndClearTheKeys() {
        Connection redis = new Connection();
        redis.send("MSET", "a", "1", "b", "2");
        assertThat(redis.send("DBSIZE")).isEqualTo(":2\r\n");
        assertThat(redis.send("DBSIZE", "x")).isEqualTo("-ERR wrong number of arguments for 'dbsize' command\r\n");
        assertThat(redis.send("FLUSHDB", "FOO")).isEqualTo("-ERR syntax error\r\n");
        assertThat(redis.send("FLUSHDB", "SYNC", "x")).isEqualTo("-ERR syntax error\r\n");
        assertThat(redis.send("FLUSHDB", "async")).isEqualTo("+OK\r\n");
        assertThat(redis.send("DBSIZE")).isEqualTo(":0\r\n");
        redis.send("SET", "a", "1");
        assertThat(redis.send("FLUSHDB")).isEqualTo("+OK\r\n");
        assertThat(redis.send("DBSIZE")).isEqualTo(":0\r\n");
    }

    @AsyncTest(startPaused = true)
    void configGet_answersWhatRedisBenchmarkAsks() {
        Connection redis = new Connection();
        assertThat(redis.send("CONFIG", "GET", "save", "appendonly")).isEqualTo("*4\r\n$4\r\nsave\r\n$0\r\n\r\n$10\r\nappendonly\r\n$2\r\nno\r\n");
        assertThat(redis.send("CONFIG", "GET", "SAVE")).isEqualTo("*2\r\n$4\r\nSAVE\r\n$0\r\n\r\n");
        assertThat(redis.send("CONFIG", "GET", "nosuch")).isEqualTo("*0\r\n");
        assertThat(redis.send("CONFIG", "GET", "port", "po*")).isEqualTo("*2\r\n$4\r\nport\r\n$4\r\n6379\r\n");
        assertThat(redis.send("CONFIG", "GET", "maxmem*")).isEqualTo(
                "*4\r\n$9\r\nmaxmemory\r\n$1\r\n0\r\n$16\r\nmaxmemory-policy\r\n$10\r\nnoeviction\r\n");
        assertThat(redis.send("CONFIG", "GET", "proto-max-bulk-len")).isEqualTo(
                "*2\r\n$18\r\nproto-max-bulk-len\r\n$9\r\n536870912\r\n");
        assertThat(redis.send("CONFIG", "GET")).isEqualTo("-ERR wrong number of arguments for 'config|get' command\r\n");
        assertThat(redis.send("CONFIG")).isEqualTo("-ERR wrong number of arguments for 'config' command\r\n");
        assertThat(redis.send("CONFIG", "FOO")).isEqualTo("-ERR unknown subcommand 'FOO'. Try CONFIG HELP.\r\n");
    }

    @AsyncTest(startPaused = true)
    void commandInfo_ofGet_isRedisReplyByteForByte() {
        Connection redis = new Connection();
        assertThat(redis.send("COMMAND", "INFO", "nosuch", "get")).isEqualTo("*2\r\n$-1\r\n*10\r\n$3\r\nget\r\n:2\r\n"
                + "*2\r\n+readonly\r\n+fast\r\n:1\r\n:1\r\n:1\r\n*3\r\n+@read\r\n+@string\r\n+@fast\r\n*0\r\n"
                + "*1\r\n*6\r\n$5\r\nflags\r\n*2\r\n+RO\r\n+access\r\n"
                + "$12\r\nbegin_search\r\n*4\r\n$4\r\ntype\r\n$5\r\nindex\r\n$4\r\nspec\r\n*2\r\n$5\r\nindex\r\n:1\r\n"
                + "$9\r\nfind_keys\r\n*4\r\n$4\r\ntype\r\n$5\r\nrange\r\n$4\r\nspec\r\n"
                + "*6\r\n$7\r\nlastkey\r\n:0\r\n$7\r\nkeystep\r\n:1\r\n$5\r\nlimit\r\n:0\r\n*0\r\n");
    }

    @AsyncTest(startPaused = true)
    void command_listsEveryCommand_andCountMatches() {
        Connection redis = new Connection();
        Frame.Array all = (Frame.Array) parsed(redis.send("COMMAND"));
        assertThat(redis.send("COMMAND", "COUNT")).isEqualTo(":" + all.elements().size() + "\r\n");
        List<String> names = all.elements().stream()
                .map(info -> ((Frame.Bulk) ((Frame.Array) info).elements().getFirst()).utf8()).toList();
        assertThat(names).contains("get", "set", "ping", "hello", "client", "command", "config", "info", "subscribe");
        assertThat(redis.send("COMMAND", "COUNT", "x")).isEqualTo("-ERR wrong number of arguments for 'command|count' command\r\n");
        assertThat(redis.send("COMMAND", "FOO")).isEqualTo("-ERR unknown subcommand 'FOO'. Try COMMAND HELP.\r\n");
    }

    @AsyncTest(startPaused = true)
    void commandInfo_ofASubcommand_usesRedisFullName() {
        Connection redis = new Connection();
        assertThat(redis.send("COMMAND", "INFO", "CLIENT|SETNAME")).isEqualTo("*1\r\n*10\r\n$14\r\nclient|setname\r\n:3\r\n"
                + "*3\r\n+noscript\r\n+loading\r\n+stale\r\n:0\r\n:0\r\n:0\r\n*2\r\n+@slow\r\n+@connection\r\n*0\r\n*0\r\n*0\r\n");
    }

    @AsyncTest(startPaused = true)
    void commandDocs_haveTheShapeRedisCliReads() {
        Connection redis = new Connection();
        assertThat(redis.send("COMMAND", "DOCS", "nosuch")).isEqualTo("*0\r\n");
        assertThat(redis.send("COMMAND", "DOCS", "get")).isEqualTo("*2\r\n$3\r\nget\r\n*8\r\n$7\r\nsummary\r\n$22\r\nGet the value of a key\r\n"
                + "$5\r\nsince\r\n$5\r\n1.0.0\r\n$5\r\ngroup\r\n$6\r\nstring\r\n$10\r\ncomplexity\r\n$4\r\nO(1)\r\n");
        Frame.Array config = (Frame.Array) parsed(redis.send("COMMAND", "DOCS", "config"));
        Frame.Array docs = (Frame.Array) config.elements().get(1);
        assertThat(docs.elements().get(8)).isEqualTo(Frame.bulk("subcommands"));
        Frame.Array subcommands = (Frame.Array) docs.elements().get(9);
        assertThat(subcommands.elements().get(0)).isEqualTo(Frame.bulk("config|get"));
        Frame.Array everything = (Frame.Array) parsed(redis.send("COMMAND", "DOCS"));
        assertThat(everything.elements()).hasSize(2 * ((Frame.Array) parsed(redis.send("COMMAND"))).elements().size());
    }

    @AsyncTest(startPaused = true)
    void help_listsTheSubcommands_inRedisFormat() {
        Connection redis = new Connection();
        assertThat(redis.send("CONFIG", "HELP")).isEqualTo("*5\r\n+CONFIG <subcommand> [<arg> [value] [opt] ...]. Subcommands are:\r\n"
                + "+GET <pattern>\r\n+    Return parameters matching the glob-like <pattern> and their values.\r\n"
                + "+HELP\r\n+    Prints this help.\r\n");
        assertThat(redis.send("client", "help")).startsWith("*13\r\n+CLIENT <subcommand>");
    }

    @AsyncTest(startPaused = true)
    void info_keyspace_andUnknownSections_areRedisReplies() {
        Connection redis = new Connection();
        assertThat(redis.send("INFO", "keyspace")).isEqualTo("$12\r\n# Keyspace\r\n\r\n");
        assertThat(redis.send("INFO", "nosuch")).isEqualTo("$0\r\n\r\n");
        redis.send("SET", "a", "1", "PX", "3000");
        redis.send("SET", "b", "1");
        String keyspace = "# Keyspace\r\ndb0:keys=2,expires=1,avg_ttl=3000\r\n";
        assertThat(redis.send("INFO", "KEYSPACE")).isEqualTo("$" + keyspace.length() + "\r\n" + keyspace + "\r\n");
    }

    @AsyncTest(startPaused = true)
    void info_reportsEverySection_separatedByBlankLines() {
        Connection redis = new Connection();
        redis.server.stats().connectionOpened();
        TestClock.advance(Duration.ofSeconds(90)).await();
        String info = ((Frame.Bulk) parsed(redis.send("INFO"))).utf8();
        assertThat(info.split("\r\n\r\n")).extracting(section -> section.substring(0, section.indexOf("\r\n")))
                .containsExactly("# Server", "# Clients", "# Memory", "# Persistence", "# Stats", "# Replication", "# Keyspace");
        assertThat(info).contains("\r\nredis_version:7.0.0\r\n", "\r\ntcp_port:6379\r\n", "\r\nuptime_in_seconds:90\r\n",
                "\r\nconnected_clients:1\r\n", "\r\nmaxclients:10000\r\n", "\r\nrole:master\r\n",
                "\r\nrun_id:" + redis.server.runId() + "\r\n", "\r\nserver_time_usec:" + (Connection.START + 90_000) * 1000 + "\r\n");
        assertThat(((Frame.Bulk) parsed(redis.send("INFO", "server", "CLIENTS"))).utf8())
                .startsWith("# Server\r\n").contains("\r\n\r\n# Clients\r\n").doesNotContain("# Memory");
    }
}
