package dev.weft.miniredis.cmd;

import dev.weft.miniredis.frame.Frame;

/**
 * {@code PING [message]}: {@code +PONG}, or the message as a bulk string. (In subscribed mode the
 * connection answers {@code PING} itself, with Redis's {@code ["pong", message]}.)
 *
 * @param message the message to echo, or null
 */
public record Ping(byte[] message) implements ImmediateCommand {

    private static final Frame.Simple PONG = Frame.simple("PONG");

    static Ping parse(Arguments arguments) {
        if (arguments.count() > 2) {
            throw CommandException.wrongArity("ping");
        }
        return new Ping(arguments.count() == 2 ? arguments.bytes(1) : null);
    }

    @Override
    public Frame execute(CommandContext context) {
        return message == null ? PONG : Frame.bulk(message);
    }
}
