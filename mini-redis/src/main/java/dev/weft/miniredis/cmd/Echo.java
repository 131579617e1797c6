package dev.weft.miniredis.cmd;

import dev.weft.miniredis.frame.Frame;

/**
 * {@code ECHO message}: the message as a bulk string.
 *
 * @param message the message
 */
public record Echo(byte[] message) implements ImmediateCommand {

    static Echo parse(Arguments arguments) {
        return new Echo(arguments.bytes(1));
    }

    @Override
    public Frame execute(CommandContext context) {
        return Frame.bulk(message);
    }
}
