package dev.weft.miniredis.cmd;

import dev.weft.miniredis.frame.Frame;

/** {@code CLIENT GETNAME}: the connection's name, or the null bulk string. */
public record ClientGetName() implements ImmediateCommand {

    static ClientGetName parse(Arguments arguments) {
        return new ClientGetName();
    }

    @Override
    public Frame execute(CommandContext context) {
        return context.session().name().<Frame>map(Frame::bulk).orElse(Frame.NULL_BULK);
    }
}
