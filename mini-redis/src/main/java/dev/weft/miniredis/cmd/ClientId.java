package dev.weft.miniredis.cmd;

import dev.weft.miniredis.frame.Frame;

/** {@code CLIENT ID}: the connection's id. */
public record ClientId() implements ImmediateCommand {

    static ClientId parse(Arguments arguments) {
        return new ClientId();
    }

    @Override
    public Frame execute(CommandContext context) {
        return Frame.integer(context.session().id());
    }
}
