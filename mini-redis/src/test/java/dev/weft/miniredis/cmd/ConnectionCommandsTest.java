package dev.weft.miniredis.cmd;

import dev.weft.test.AsyncTest;

import static org.assertj.core.api.Assertions.assertThat;

/** PING, ECHO, QUIT, HELLO and CLIENT, against Redis 7.0.15's replies (7.2's for CLIENT SETINFO). */
class ConnectionCommandsTest {

    private static String helloReply(Connection redis) {
        return "*14\r\n$6\r\nserver\r\n$5\r\nredis\r\n$7\r\nversion\r\n$5\r\n7.0.0\r\n$5\r\nproto\r\n:2\r\n$2\r\nid\r\n:"
                + redis.session.id() + "\r\n$4\r\nmode\r\n$10\r\nstandalone\r\n$4\r\nrole\r\n$6\r\nmaster\r\n$7\r\nmodules\r\n*0\r\n";
    }

    @AsyncTest(startPaused = true)
    void pingEchoAndQuit_replyAsRedisDoes() {
        Connection redis = new Connection();
        assertThat(redis.send("PING")).isEqualTo("+PONG\r\n");
        assertThat(redis.send("ping", "hi")).isEqualTo("$2\r\nhi\r\n");
        assertThat(redis.send("PING", "a", "b")).isEqualTo("-ERR wrong number of arguments for 'ping' command\r\n");
        assertThat(redis.send("ECHO", "hi")).isEqualTo("$2\r\nhi\r\n");
        assertThat(redis.send("ECHO")).isEqualTo("-ERR wrong number of arguments for 'echo' command\r\n");
        assertThat(redis.send("QUIT", "x")).isEqualTo("+OK\r\n");
        assertThat(redis.parse("QUIT")).isInstanceOf(Quit.class);
    }

    @AsyncTest(startPaused = true)
    void hello_repliesTheServerMap_andRefusesRESP3() {
        Connection redis = new Connection();
        assertThat(redis.send("HELLO")).isEqualTo(helloReply(redis));
        assertThat(redis.send("HELLO", "2")).isEqualTo(helloReply(redis));
        assertThat(redis.send("HELLO", "3")).isEqualTo("-NOPROTO unsupported protocol version\r\n");
        assertThat(redis.send("HELLO", "1")).isEqualTo("-NOPROTO unsupported protocol version\r\n");
        assertThat(redis.send("HELLO", "x")).isEqualTo("-ERR Protocol version is not an integer or out of range\r\n");
        assertThat(redis.session.protocol()).isEqualTo(2);
    }

    @AsyncTest(startPaused = true)
    void hello_authAndSetname_followRedisOnAServerWithoutPasswords() {
        Connection redis = new Connection();
        assertThat(redis.send("HELLO", "2", "AUTH", "default", "anything")).isEqualTo(helloReply(redis));
        assertThat(redis.send("HELLO", "2", "AUTH", "bob", "x")).isEqualTo("-WRONGPASS invalid username-password pair or user is disabled.\r\n");
        assertThat(redis.send("HELLO", "2", "SETNAME")).isEqualTo("-ERR Syntax error in HELLO option 'SETNAME'\r\n");
        assertThat(redis.send("HELLO", "2", "SETNAME", "a b")).isEqualTo("-ERR Client names cannot contain spaces, newlines or special characters.\r\n");
        assertThat(redis.send("HELLO", "2", "setname", "n1", "FOO")).isEqualTo("-ERR Syntax error in HELLO option 'FOO'\r\n");
        assertThat(redis.send("CLIENT", "GETNAME")).isEqualTo("$2\r\nn1\r\n");
    }

    @AsyncTest(startPaused = true)
    void clientName_canBeSetReadAndRemoved() {
        Connection redis = new Connection();
        assertThat(redis.send("CLIENT", "GETNAME")).isEqualTo("$-1\r\n");
        assertThat(redis.send("CLIENT", "SETNAME", "a b")).isEqualTo("-ERR Client names cannot contain spaces, newlines or special characters.\r\n");
        assertThat(redis.send("CLIENT", "SETNAME", "abc")).isEqualTo("+OK\r\n");
        assertThat(redis.send("CLIENT", "GETNAME")).isEqualTo("$3\r\nabc\r\n");
        assertThat(redis.send("CLIENT", "SETNAME", "")).isEqualTo("+OK\r\n");
        assertThat(redis.send("CLIENT", "GETNAME")).isEqualTo("$-1\r\n");
        assertThat(redis.send("CLIENT", "SETNAME")).isEqualTo("-ERR wrong number of arguments for 'client|setname' command\r\n");
        assertThat(redis.send("CLIENT")).isEqualTo("-ERR wrong number of arguments for 'client' command\r\n");
        assertThat(redis.send("CLIENT", "FOO")).isEqualTo("-ERR unknown subcommand 'FOO'. Try CLIENT HELP.\r\n");
    }

    @AsyncTest(startPaused = true)
    void clientId_isTheSessionsId_andIdsAreUnique() {
        Connection redis = new Connection();
        assertThat(redis.send("CLIENT", "ID")).isEqualTo(":" + redis.session.id() + "\r\n");
        assertThat(redis.server.openSession().id()).isNotEqualTo(redis.session.id());
    }

    @AsyncTest(startPaused = true)
    void clientSetinfo_recordsTheLibrary_asRedis72Does() {
        Connection redis = new Connection();
        assertThat(redis.send("CLIENT", "SETINFO", "LIB-NAME", "jedis")).isEqualTo("+OK\r\n");
        assertThat(redis.send("CLIENT", "SETINFO", "lib-ver", "5.1.0")).isEqualTo("+OK\r\n");
        assertThat(redis.session.libraryName()).contains("jedis");
        assertThat(redis.session.libraryVersion()).contains("5.1.0");
        assertThat(redis.send("CLIENT", "SETINFO", "lib-ver", "")).isEqualTo("+OK\r\n");
        assertThat(redis.session.libraryVersion()).isEmpty();
        assertThat(redis.send("CLIENT", "SETINFO", "foo", "x")).isEqualTo("-ERR Unrecognized option 'foo'\r\n");
        assertThat(redis.send("CLIENT", "SETINFO", "lib-name", "a b"))
                .isEqualTo("-ERR lib-name cannot contain spaces, newlines or special characters.\r\n");
        assertThat(redis.send("CLIENT", "SETINFO", "lib-name"))
                .isEqualTo("-ERR wrong number of arguments for 'client|setinfo' command\r\n");
    }
}
