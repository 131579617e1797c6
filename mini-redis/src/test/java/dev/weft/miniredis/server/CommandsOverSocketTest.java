package dev.weft.miniredis.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command over a real connection, with the exact bytes of Redis 7's replies (the replies of each
 * command in detail are specified by the tests of package {@code cmd}; these check the wire path and
 * what only a running server knows: its port, its connections, its counters).
 */
@Timeout(30)
class CommandsOverSocketTest {

    @Test
    void connectionCommands_replyAsRedis() {
        try (MiniRedisServer server = TestServers.start(); RawClient client = new RawClient(server.port())) {
            assertThat(client.call("PING")).isEqualTo("+PONG\r\n");
            assertThat(client.call("ping", "hello world")).isEqualTo("$11\r\nhello world\r\n");
            assertThat(client.call("ECHO", "bytes\r\n")).isEqualTo("$7\r\nbytes\r\n\r\n");
            assertThat(client.call("PING", "a", "b")).isEqualTo("-ERR wrong number of arguments for 'ping' command\r\n");
            assertThat(client.call("HELLO", "3")).isEqualTo("-NOPROTO unsupported protocol version\r\n");
            assertThat(client.call("HELLO", "2")).startsWith("*14\r\n$6\r\nserver\r\n$5\r\nredis\r\n$7\r\nversion\r\n$5\r\n7.0.0\r\n"
                    + "$5\r\nproto\r\n:2\r\n$2\r\nid\r\n:");
            assertThat(client.call("CLIENT", "SETNAME", "tester")).isEqualTo("+OK\r\n");
            assertThat(client.call("CLIENT", "GETNAME")).isEqualTo("$6\r\ntester\r\n");
            assertThat(client.call("CLIENT", "SETINFO", "LIB-NAME", "raw")).isEqualTo("+OK\r\n");
            assertThat(client.call("CLIENT", "NOPE")).isEqualTo("-ERR unknown subcommand 'NOPE'. Try CLIENT HELP.\r\n");
            assertThat(client.call("NOPE", "x")).isEqualTo("-ERR unknown command 'NOPE', with args beginning with: 'x' \r\n");
            assertThat(client.call("QUIT")).isEqualTo("+OK\r\n");
            assertThat(client.readUntilClosed()).isEmpty();
        }
    }

    @Test
    void clientIds_differPerConnection() {
        try (MiniRedisServer server = TestServers.start();
             RawClient first = new RawClient(server.port());
             RawClient second = new RawClient(server.port())) {
            String firstId = first.call("CLIENT", "ID");
            String secondId = second.call("CLIENT", "ID");
            assertThat(firstId).matches(":\\d+\r\n");
            assertThat(secondId).matches(":\\d+\r\n").isNotEqualTo(firstId);
        }
    }

    @Test
    void stringCommands_replyAsRedis() {
        try (MiniRedisServer server = TestServers.start(); RawClient client = new RawClient(server.port())) {
            assertThat(client.call("GET", "k")).isEqualTo("$-1\r\n");
            assertThat(client.call("SET", "k", "v")).isEqualTo("+OK\r\n");
            assertThat(client.call("GET", "k")).isEqualTo("$1\r\nv\r\n");
            assertThat(client.call("SET", "k", "w", "NX")).isEqualTo("$-1\r\n");
            assertThat(client.call("SET", "k", "w", "XX", "GET")).isEqualTo("$1\r\nv\r\n");
            assertThat(client.call("SET", "k", "x", "KEEPTTL")).isEqualTo("+OK\r\n");
            assertThat(client.call("SET", "k", "v", "EX", "18446744073709551615"))
                    .isEqualTo("-ERR value is not an integer or out of range\r\n");
            assertThat(client.call("SET", "k", "v", "PX", "0")).isEqualTo("-ERR invalid expire time in 'set' command\r\n");
            assertThat(client.call("SET", "k", "v", "NX", "XX")).isEqualTo("-ERR syntax error\r\n");
            assertThat(client.call("GET", "k")).isEqualTo("$1\r\nx\r\n");
            assertThat(client.call("MSET", "a", "1", "b", "2")).isEqualTo("+OK\r\n");
            assertThat(client.call("MGET", "a", "nope", "b")).isEqualTo("*3\r\n$1\r\n1\r\n$-1\r\n$1\r\n2\r\n");
            assertThat(client.call("MSET", "a")).isEqualTo("-ERR wrong number of arguments for 'mset' command\r\n");
            assertThat(client.call("INCR", "n")).isEqualTo(":1\r\n");
            assertThat(client.call("INCRBY", "n", "41")).isEqualTo(":42\r\n");
            assertThat(client.call("DECR", "n")).isEqualTo(":41\r\n");
            assertThat(client.call("DECRBY", "n", "-9")).isEqualTo(":50\r\n");
            assertThat(client.call("INCR", "k")).isEqualTo("-ERR value is not an integer or out of range\r\n");
            assertThat(client.call("SET", "max", "9223372036854775807")).isEqualTo("+OK\r\n");
            assertThat(client.call("INCR", "max")).isEqualTo("-ERR increment or decrement would overflow\r\n");
            assertThat(client.call("GET", "max")).isEqualTo("$19\r\n9223372036854775807\r\n");
        }
    }

    @Test
    void keyCommands_replyAsRedis() {
        try (MiniRedisServer server = TestServers.start(); RawClient client = new RawClient(server.port())) {
            client.call("MSET", "a", "1", "b", "2", "c", "3");
            assertThat(client.call("EXISTS", "a", "b", "nope", "a")).isEqualTo(":3\r\n");
            assertThat(client.call("DEL", "a", "nope")).isEqualTo(":1\r\n");
            assertThat(client.call("TTL", "b")).isEqualTo(":-1\r\n");
            assertThat(client.call("TTL", "nope")).isEqualTo(":-2\r\n");
            assertThat(client.call("EXPIRE", "b", "1000")).isEqualTo(":1\r\n");
            assertThat(client.call("TTL", "b")).isIn(":1000\r\n", ":999\r\n");
            assertThat(client.call("EXPIRE", "b", "2000", "LT")).isEqualTo(":0\r\n");
            assertThat(client.call("PEXPIRE", "c", "1000000")).isEqualTo(":1\r\n");
            assertThat(client.call("PTTL", "c")).matches(":(1000000|999\\d{3})\r\n");
            assertThat(client.call("PERSIST", "c")).isEqualTo(":1\r\n");
            assertThat(client.call("PTTL", "c")).isEqualTo(":-1\r\n");
            assertThat(client.call("EXPIRE", "c", "-1")).isEqualTo(":1\r\n");
            assertThat(client.call("EXISTS", "c")).isEqualTo(":0\r\n");
            assertThat(client.call("EXPIRE", "b", "x")).isEqualTo("-ERR value is not an integer or out of range\r\n");
        }
    }

    @Test
    void serverCommands_reportTheRunningServer() {
        try (MiniRedisServer server = TestServers.start();
             RawClient client = new RawClient(server.port());
             RawClient other = new RawClient(server.port())) {
            assertThat(other.call("PING")).isEqualTo("+PONG\r\n");
            client.call("MSET", "a", "1", "b", "2");
            assertThat(client.call("DBSIZE")).isEqualTo(":2\r\n");
            String port = Integer.toString(server.port());
            assertThat(client.call("CONFIG", "GET", "port")).isEqualTo("*2\r\n$4\r\nport\r\n$" + port.length() + "\r\n" + port + "\r\n");
            assertThat(client.call("CONFIG", "GET", "save")).isEqualTo("*2\r\n$4\r\nsave\r\n$0\r\n\r\n");
            assertThat(client.call("CONFIG", "GET", "maxclients")).isEqualTo("*2\r\n$10\r\nmaxclients\r\n$5\r\n10000\r\n");
            assertThat(client.call("INFO", "clients")).contains("\r\nconnected_clients:2\r\n");
            assertThat(client.call("INFO", "server")).contains("\r\ntcp_port:" + port + "\r\n");
            assertThat(client.call("INFO", "keyspace")).contains("\r\ndb0:keys=2,expires=0,avg_ttl=0\r\n");
            assertThat(client.call("INFO", "stats")).containsPattern("\r\ntotal_commands_processed:\\d+\r\n");
            assertThat(client.call("COMMAND", "COUNT")).matches(":\\d+\r\n");
            assertThat(client.call("COMMAND", "INFO", "get")).startsWith("*1\r\n*10\r\n$3\r\nget\r\n:2\r\n");
            assertThat(client.call("COMMAND", "DOCS", "get")).startsWith("*2\r\n$3\r\nget\r\n*8\r\n$7\r\nsummary\r\n");
            assertThat(client.call("COMMAND")).matches("(?s)\\*\\d+\r\n\\*10\r\n.*");
            assertThat(client.call("COMMAND", "HELP")).startsWith("*").contains("+COMMAND <subcommand>");
            assertThat(client.call("CONFIG", "HELP")).startsWith("*5\r\n+CONFIG <subcommand> [<arg> [value] [opt] ...]. Subcommands are:\r\n");
            assertThat(client.call("CLIENT", "HELP")).startsWith("*13\r\n+CLIENT <subcommand>");
            assertThat(client.call("FLUSHDB")).isEqualTo("+OK\r\n");
            assertThat(client.call("DBSIZE")).isEqualTo(":0\r\n");
        }
    }

    @Test
    void publish_withoutSubscribers_receivesZero() {
        try (MiniRedisServer server = TestServers.start(); RawClient client = new RawClient(server.port())) {
            assertThat(client.call("PUBLISH", "news", "hello")).isEqualTo(":0\r\n");
            assertThat(client.call("PUBLISH", "news")).isEqualTo("-ERR wrong number of arguments for 'publish' command\r\n");
        }
    }

    @Test
    void inlineCommands_areAnsweredLikeRespOnes() {
        try (MiniRedisServer server = TestServers.start(); RawClient client = new RawClient(server.port())) {
            client.send("SET greeting \"hello world\"\r\n");
            assertThat(client.read("+OK\r\n")).isEqualTo("+OK\r\n");
            client.send("get greeting\n");
            assertThat(client.read("$11\r\nhello world\r\n")).isEqualTo("$11\r\nhello world\r\n");
            client.send("\r\n\r\nPING\r\n");
            assertThat(client.read("+PONG\r\n")).isEqualTo("+PONG\r\n");
        }
    }

    @Test
    void emptyRequests_getNoReply() {
        try (MiniRedisServer server = TestServers.start(); RawClient client = new RawClient(server.port())) {
            client.send("*0\r\n*-1\r\n\r\n" + RawClient.command("PING"));
            assertThat(client.read("+PONG\r\n")).isEqualTo("+PONG\r\n");
        }
    }

    @Test
    void values_areBinarySafe() {
        try (MiniRedisServer server = TestServers.start(); RawClient client = new RawClient(server.port())) {
            String binary = "\u0000\r\n\u00ff\u0080end";
            assertThat(client.call("SET", "bin\u0000key", binary)).isEqualTo("+OK\r\n");
            assertThat(client.call("GET", "bin\u0000key")).isEqualTo("$" + binary.length() + "\r\n" + binary + "\r\n");
        }
    }
}
