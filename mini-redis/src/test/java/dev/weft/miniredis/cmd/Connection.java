package dev.weft.miniredis.cmd;

import dev.weft.miniredis.db.Db;
import dev.weft.miniredis.db.ExpiryClock;
import dev.weft.miniredis.frame.Frame;
import dev.weft.miniredis.frame.FrameEncoder;
import dev.weft.miniredis.frame.ProtocolLimits;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One client's view of a fresh server, without the network: a request goes through
 * {@link Commands#parse} and {@link ImmediateCommand#execute}, and the reply comes back as the exact RESP
 * bytes the server would write (as an ISO-8859-1 string, one char per byte).
 */
final class Connection {

    /** The Unix time the clock starts at: 2023-11-14T22:13:20Z. */
    static final long START = 1_700_000_000_000L;

    final Db db = new Db(new ExpiryClock(START));
    final ServerInfo server = new ServerInfo(new ServerSettings("127.0.0.1", 6379, 10_000, ProtocolLimits.DEFAULT), db.clock());
    final ClientSession session = server.openSession();
    final CommandContext context = new CommandContext(db, server, session);

    /** The reply to the command made of {@code words}, as RESP. */
    String send(String... words) {
        return reply(Frame.command(words));
    }

    /** The reply to the command made of binary {@code words}, as RESP. */
    String sendBytes(byte[]... words) {
        return reply(new Frame.Array(List.of(words).stream().<Frame>map(Frame::bulk).toList()));
    }

    /** The command {@code words} parse to. */
    Command parse(String... words) {
        return Commands.parse(Frame.command(words));
    }

    private String reply(Frame.Array request) {
        Frame reply;
        try {
            reply = ((ImmediateCommand) Commands.parse(request)).execute(context);
        } catch (CommandException invalid) {
            reply = invalid.reply();
        }
        FrameEncoder encoder = new FrameEncoder();
        encoder.encode(reply);
        return new String(encoder.toByteArray(), StandardCharsets.ISO_8859_1);
    }
}
