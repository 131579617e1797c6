package dev.weft.miniredis.client;

import dev.weft.miniredis.frame.Frame;
import dev.weft.miniredis.frame.ProtocolException;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Turns reply frames into the clients' values. An error reply becomes a {@link RedisErrorException}; a
 * reply of a kind the command never gets is a {@link ProtocolException} (the peer is not speaking Redis).
 */
final class Replies {

    private Replies() {
    }

    /** {@code reply}, unless it is an error reply, which is thrown. */
    static Frame checked(Frame reply) {
        if (reply instanceof Frame.Error error) {
            throw new RedisErrorException(error.message());
        }
        return reply;
    }

    /** The reply of SET: {@code +OK}. */
    static Void ok(Frame reply) {
        if (checked(reply) instanceof Frame.Simple simple && simple.text().equals("OK")) {
            return null;
        }
        throw unexpected("SET", reply);
    }

    /** The reply of GET: a bulk string, or the null bulk string for a missing key. */
    static Optional<byte[]> value(Frame reply) {
        return switch (checked(reply)) {
            case Frame.Bulk bulk -> Optional.of(bulk.bytes());
            case Frame.Simple simple -> Optional.of(simple.text().getBytes(StandardCharsets.UTF_8));
            case Frame.NullBulk ignored -> Optional.empty();
            default -> throw unexpected("GET", reply);
        };
    }

    /** An integer reply (DEL, PUBLISH). */
    static long integer(String command, Frame reply) {
        if (checked(reply) instanceof Frame.Integer integer) {
            return integer.value();
        }
        throw unexpected(command, reply);
    }

    /** The reply of PING: {@code +PONG}, or the message as a bulk string. */
    static byte[] pong(Frame reply) {
        return switch (checked(reply)) {
            case Frame.Bulk bulk -> bulk.bytes();
            case Frame.Simple simple -> simple.text().getBytes(StandardCharsets.UTF_8);
            default -> throw unexpected("PING", reply);
        };
    }

    static ProtocolException unexpected(String command, Frame reply) {
        return new ProtocolException("unexpected reply to " + command + ": " + reply);
    }
}
