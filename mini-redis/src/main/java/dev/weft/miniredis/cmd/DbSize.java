package dev.weft.miniredis.cmd;

import dev.weft.miniredis.frame.Frame;

/** {@code DBSIZE}: the number of live keys. */
public record DbSize() implements ImmediateCommand {

    static DbSize parse(Arguments arguments) {
        return new DbSize();
    }

    @Override
    public Frame execute(CommandContext context) {
        return Frame.integer(context.db().size());
    }
}
