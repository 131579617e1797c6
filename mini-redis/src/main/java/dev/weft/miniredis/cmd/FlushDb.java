package dev.weft.miniredis.cmd;

import dev.weft.miniredis.frame.Frame;

/**
 * {@code FLUSHDB [ASYNC | SYNC]}: deletes every key. Both modes delete at once (there is no background
 * freeing to choose); anything else is a syntax error, as in Redis.
 */
public record FlushDb() implements ImmediateCommand {

    static FlushDb parse(Arguments arguments) {
        if (arguments.count() > 2 || arguments.count() == 2 && !arguments.is(1, "async") && !arguments.is(1, "sync")) {
            throw CommandException.syntaxError();
        }
        return new FlushDb();
    }

    @Override
    public Frame execute(CommandContext context) {
        context.db().clear();
        return Frame.OK;
    }
}
