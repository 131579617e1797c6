package dev.weft.miniredis.cmd;

import dev.weft.miniredis.frame.Frame;
import dev.weft.miniredis.frame.RespIntegers;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * {@code HELLO [protover [AUTH username password] [SETNAME clientname]]}: the handshake of current
 * clients. Replies the server's description (server, version, proto, id, mode, role, modules) as a flat
 * array, RESP2's form of a map. mini-redis speaks RESP2 only, so {@code HELLO 3} is
 * {@code NOPROTO unsupported protocol version}, which clients take as "stay on RESP2". mini-redis has no
 * passwords: AUTH succeeds for the user {@code default}, whatever the password, as with Redis's default
 * {@code nopass} user, and fails with {@code WRONGPASS} for any other user. Options are applied in
 * order, as Redis does, so one before an invalid option has already taken effect.
 *
 * @param protocol the protocol asked for, 0 when none was
 * @param options  the words after the protocol version
 */
public record Hello(long protocol, List<byte[]> options) implements ImmediateCommand {

    private static final byte[] DEFAULT_USER = "default".getBytes(StandardCharsets.US_ASCII);

    static Hello parse(Arguments arguments) {
        long protocol = 0;
        if (arguments.count() >= 2) {
            protocol = RespIntegers.parse(arguments.bytes(1),
                    () -> new CommandException("ERR Protocol version is not an integer or out of range"));
            if (protocol != 2) {
                throw new CommandException("NOPROTO unsupported protocol version");
            }
        }
        return new Hello(protocol, arguments.count() > 2 ? arguments.words(2) : List.of());
    }

    @Override
    public Frame execute(CommandContext context) {
        for (int i = 0; i < options.size(); i++) {
            int more = options.size() - 1 - i;
            byte[] option = options.get(i);
            if (NameIndex.matches("auth", option) && more >= 2) {
                if (!Arrays.equals(DEFAULT_USER, options.get(i + 1))) {
                    return Frame.error("WRONGPASS invalid username-password pair or user is disabled.");
                }
                i += 2;
            } else if (NameIndex.matches("setname", option) && more >= 1) {
                Frame reply = new ClientSetName(options.get(i + 1)).execute(context);
                if (reply instanceof Frame.Error) {
                    return reply;
                }
                i++;
            } else {
                return new CommandException("ERR Syntax error in HELLO option '"
                        + new String(option, StandardCharsets.UTF_8) + "'").reply();
            }
        }
        if (protocol != 0) {
            context.session().protocol((int) protocol);
        }
        return Frame.array(
                Frame.bulk("server"), Frame.bulk("redis"),
                Frame.bulk("version"), Frame.bulk(ServerInfo.REDIS_VERSION),
                Frame.bulk("proto"), Frame.integer(context.session().protocol()),
                Frame.bulk("id"), Frame.integer(context.session().id()),
                Frame.bulk("mode"), Frame.bulk("standalone"),
                Frame.bulk("role"), Frame.bulk("master"),
                Frame.bulk("modules"), Frame.EMPTY_ARRAY);
    }
}
