package dev.weft.miniredis.docs;

import dev.weft.miniredis.cmd.Arguments;
import dev.weft.miniredis.cmd.ClientSession;
import dev.weft.miniredis.cmd.Command;
import dev.weft.miniredis.cmd.CommandContext;
import dev.weft.miniredis.cmd.CommandException;
import dev.weft.miniredis.cmd.Commands;
import dev.weft.miniredis.cmd.ImmediateCommand;
import dev.weft.miniredis.cmd.PubSubCommand;
import dev.weft.miniredis.cmd.ServerInfo;
import dev.weft.miniredis.cmd.ServerSettings;
import dev.weft.miniredis.cmd.ServerStats;
import dev.weft.miniredis.cmd.Subscribe;
import dev.weft.miniredis.db.Db;
import dev.weft.miniredis.db.ExpireCondition;
import dev.weft.miniredis.db.ExpiryClock;
import dev.weft.miniredis.db.ExpiryPurger;
import dev.weft.miniredis.db.Key;
import dev.weft.miniredis.db.KeyspaceStats;
import dev.weft.miniredis.db.SetCondition;
import dev.weft.miniredis.frame.Frame;
import dev.weft.miniredis.frame.FrameEncoder;
import dev.weft.miniredis.frame.FrameParser;
import dev.weft.miniredis.frame.Printable;
import dev.weft.miniredis.frame.ProtocolException;
import dev.weft.miniredis.frame.ProtocolLimits;
import dev.weft.miniredis.frame.RequestParser;
import dev.weft.miniredis.frame.RespIntegers;
import dev.weft.test.AsyncTest;
import dev.weft.time.Moment;
import dev.weft.time.TestClock;
import dev.weft.time.Time;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The examples of mini-redis's javadoc, as they are written there, run and checked. */
class MiniRedisJavadocExamplesTest {

    private static String ascii(FrameEncoder encoder) {
        return new String(encoder.toByteArray(), StandardCharsets.ISO_8859_1);
    }

    private static ServerInfo serverFor(Db db) {
        return new ServerInfo(new ServerSettings("127.0.0.1", 6379, 10_000, ProtocolLimits.DEFAULT), db.clock());
    }

    @Test
    void frame() {
        Frame request = Frame.command("SET", "greeting", "hello");
        Frame reply = Frame.OK;
        FrameEncoder encoder = new FrameEncoder();
        encoder.encode(request);   // *3\r\n$3\r\nSET\r\n$8\r\ngreeting\r\n$5\r\nhello\r\n
        encoder.encode(reply);     // +OK\r\n
        assertThat(ascii(encoder)).isEqualTo("*3\r\n$3\r\nSET\r\n$8\r\ngreeting\r\n$5\r\nhello\r\n+OK\r\n");
    }

    @Test
    void frameEncoder() {
        FrameEncoder encoder = new FrameEncoder();
        encoder.encode(Frame.OK);
        encoder.writeArrayHeader(2);
        encoder.writeBulk("hello".getBytes(StandardCharsets.UTF_8));
        encoder.writeNullBulk();
        ByteBuffer toSend = encoder.readable();   // +OK\r\n*2\r\n$5\r\nhello\r\n$-1\r\n
        assertThat(StandardCharsets.ISO_8859_1.decode(toSend).toString()).isEqualTo("+OK\r\n*2\r\n$5\r\nhello\r\n$-1\r\n");
        encoder.clear();                          // after the bytes were written out
        assertThat(encoder.size()).isZero();
    }

    @Test
    void printable() {
        String shown = Printable.of(new byte[] {'k', 0, '\n'});   // k\x00\n
        assertThat(shown).isEqualTo("k\\x00\\n");
    }

    @Test
    void protocolException() {
        String seen = null;
        try {
            RequestParser parser = new RequestParser(ProtocolLimits.DEFAULT);
            parser.check(ByteBuffer.wrap("*1\r\n$-5\r\n".getBytes(StandardCharsets.US_ASCII)));
        } catch (ProtocolException e) {
            String reply = "-ERR " + e.getMessage();   // -ERR Protocol error: invalid bulk length
            seen = reply;
        }
        assertThat(seen).isEqualTo("-ERR Protocol error: invalid bulk length");
    }

    @Test
    void protocolLimits() {
        ProtocolLimits small = new ProtocolLimits(1024 * 1024, 1024, 4096, 8 * 1024 * 1024);
        RequestParser parser = new RequestParser(small);
        assertThatThrownBy(() -> parser.check(ByteBuffer.wrap("*1025\r\n".getBytes(StandardCharsets.US_ASCII))))
                .hasMessage("Protocol error: invalid multibulk length");
    }

    @Test
    void respIntegers() {
        long value = RespIntegers.parse("-42".getBytes(StandardCharsets.US_ASCII),
                () -> new IllegalArgumentException("not a number"));
        assertThat(value).isEqualTo(-42);
    }

    @Test
    void requestParser() {
        RequestParser parser = new RequestParser(ProtocolLimits.DEFAULT);
        ByteBuffer received = ByteBuffer.wrap("*1\r\n$4\r\nPING\r\nGET k\r\n".getBytes(StandardCharsets.US_ASCII));
        List<Frame> requests = new ArrayList<>();
        while (parser.check(received)) {
            requests.add(parser.parse(received));   // PING, then GET k
        }
        assertThat(requests).containsExactly(Frame.command("PING"), Frame.command("GET", "k"));
    }

    @Test
    void frameParser() {
        Frame parsed = null;
        FrameParser parser = new FrameParser(ProtocolLimits.DEFAULT);
        ByteBuffer received = ByteBuffer.wrap("*2\r\n$1\r\na\r\n$-1\r\n".getBytes(StandardCharsets.US_ASCII));
        if (parser.check(received)) {
            Frame reply = parser.parse(received);   // Array[Bulk[a], NullBulk]
            parsed = reply;
        }
        assertThat(parsed).isEqualTo(Frame.array(Frame.bulk("a"), Frame.NULL_BULK));
    }

    @AsyncTest(startPaused = true)
    void key() {
        Key key = Key.of("user:1");
        boolean same = key.equals(Key.of("user:1".getBytes(StandardCharsets.UTF_8)));   // true
        assertThat(same).isTrue();
    }

    @AsyncTest(startPaused = true)
    void expiryClock() {
        ExpiryClock clock = new ExpiryClock();
        long inTenSeconds = clock.nowMillis() + 10_000;
        Moment when = clock.momentOf(inTenSeconds);   // what Time.sleepUntil waits for
        Time.sleepUntil(when).await();
        assertThat(clock.nowMillis()).isEqualTo(inTenSeconds);
    }

    @AsyncTest(startPaused = true)
    void db() {
        Db db = new Db(new ExpiryClock());
        db.set(Key.of("greeting"), "hello".getBytes(StandardCharsets.UTF_8));
        db.expire(Key.of("greeting"), db.clock().nowMillis() + 1_000, ExpireCondition.ALWAYS);
        byte[] value = db.get(Key.of("greeting"));   // hello, for one more second
        assertThat(value).asString(StandardCharsets.UTF_8).isEqualTo("hello");
        TestClock.advance(Duration.ofMillis(1_001)).await();
        assertThat(db.get(Key.of("greeting"))).isNull();
    }

    @AsyncTest(startPaused = true)
    void setAndExpireConditions() {
        Db db = new Db(new ExpiryClock());
        ExpiryClock clock = db.clock();
        byte[] value = {1};
        byte[] previous = db.set(Key.of("lock"), value, SetCondition.NX, false, Db.NO_DEADLINE);
        boolean acquired = previous == null;
        assertThat(acquired).isTrue();
        db.set(Key.of("session"), value, SetCondition.ALWAYS, false, clock.nowMillis() + 1_000);
        boolean extended = db.expire(Key.of("session"), clock.nowMillis() + 60_000, ExpireCondition.GT);
        assertThat(extended).isTrue();
    }

    @AsyncTest(startPaused = true)
    void keyspaceStats() {
        Db db = new Db(new ExpiryClock());
        db.set(Key.of("k"), new byte[0]);
        KeyspaceStats stats = db.stats();
        String line = "db0:keys=" + stats.keys() + ",expires=" + stats.expiring() + ",avg_ttl=" + stats.averageTtlMillis();
        assertThat(line).isEqualTo("db0:keys=1,expires=0,avg_ttl=0");
    }

    @AsyncTest(startPaused = true)
    void expiryPurger() {
        byte[] value = {1};
        Db db = new Db(new ExpiryClock());
        try (ExpiryPurger purger = ExpiryPurger.start(db)) {
            db.set(Key.of("session"), value, SetCondition.ALWAYS, false, db.clock().nowMillis() + 60_000);
            // ... a minute later the key is gone, read or not
            Time.sleep(Duration.ofMinutes(1).plusMillis(2)).await();
            assertThat(db.stats().expiredKeys()).isEqualTo(1);
        }
    }

    @AsyncTest(startPaused = true)
    void commandAndCommands() {
        Db db = new Db(new ExpiryClock());
        ServerInfo server = serverFor(db);
        CommandContext context = new CommandContext(db, server, server.openSession());
        db.set(Key.of("greeting"), "hi".getBytes(StandardCharsets.UTF_8));

        Command command = Commands.parse(Frame.command("GET", "greeting"));
        Frame reply = switch (command) {
            case ImmediateCommand immediate -> immediate.execute(context);
            case PubSubCommand pubSub -> Frame.error("ERR pub/sub is handled by the connection");
        };
        assertThat(reply).isEqualTo(Frame.bulk("hi"));

        ImmediateCommand get = (ImmediateCommand) Commands.parse(Frame.command("GET", "k"));
        assertThat(get.execute(context)).isEqualTo(Frame.NULL_BULK);   // the value, or the null bulk string

        Frame result;
        try {
            Command set = Commands.parse(Frame.command("SET", "k", "v", "EX", "10"));
            result = ((ImmediateCommand) set).execute(context);   // +OK
        } catch (CommandException invalid) {
            result = invalid.reply();
        }
        assertThat(result).isEqualTo(Frame.OK);
    }

    @AsyncTest(startPaused = true)
    void pubSubCommand() {
        int count = 0;
        if (Commands.parse(Frame.command("SUBSCRIBE", "news", "weather")) instanceof Subscribe subscribe) {
            int channels = subscribe.channels().size();   // 2
            count = channels;
        }
        assertThat(count).isEqualTo(2);
    }

    @AsyncTest(startPaused = true)
    void commandContextAndSession() {
        Db db = new Db(new ExpiryClock());
        ServerInfo server = serverFor(db);
        CommandContext context = new CommandContext(db, server, server.openSession());
        Frame pong = ((ImmediateCommand) Commands.parse(Frame.command("PING"))).execute(context);
        assertThat(pong).isEqualTo(Frame.simple("PONG"));

        ClientSession session = server.openSession();
        ((ImmediateCommand) Commands.parse(Frame.command("CLIENT", "SETNAME", "worker-1"))).execute(
                new CommandContext(db, server, session));
        Optional<String> name = session.name();   // worker-1
        assertThat(name).contains("worker-1");
    }

    @Test
    void commandException() {
        Frame seen = null;
        try {
            Commands.parse(Frame.command("GET"));
        } catch (CommandException e) {
            Frame reply = e.reply();   // -ERR wrong number of arguments for 'get' command
            seen = reply;
        }
        assertThat(seen).isEqualTo(Frame.error("ERR wrong number of arguments for 'get' command"));
    }

    @Test
    void arguments() {
        Arguments arguments = new Arguments(Frame.command("INCRBY", "counter", "5"));
        Key key = arguments.key(1);
        long amount = arguments.integer(2);   // 5; "5x" would be ERR value is not an integer or out of range
        assertThat(key).isEqualTo(Key.of("counter"));
        assertThat(amount).isEqualTo(5);
    }

    @AsyncTest(startPaused = true)
    void serverSettingsStatsAndInfo() {
        Db db = new Db(new ExpiryClock());
        ServerSettings settings = new ServerSettings("127.0.0.1", 6379, 10_000, ProtocolLimits.DEFAULT);
        ServerInfo server = new ServerInfo(settings, db.clock());
        String save = server.configParameters().get("save");   // "": mini-redis never writes to disk
        ClientSession session = server.openSession();
        assertThat(save).isEmpty();

        ServerStats stats = server.stats();
        stats.connectionOpened();
        long id = stats.nextClientId();
        assertThat(id).isEqualTo(session.id() + 1);
        assertThat(stats.connectedClients()).isEqualTo(1);
    }
}
