package dev.weft.miniredis.cmd;

import dev.weft.miniredis.frame.Frame;

/**
 * {@code QUIT}: replies {@code +OK}; the connection then closes once the reply is written (the connection
 * checks for this command). Arguments are ignored, as Redis ignores them.
 */
public record Quit() implements ImmediateCommand {

    static Quit parse(Arguments arguments) {
        return new Quit();
    }

    @Override
    public Frame execute(CommandContext context) {
        return Frame.OK;
    }
}
