package dev.weft.miniredis.cmd;

import dev.weft.miniredis.frame.Frame;

/** {@code COMMAND COUNT}: how many commands mini-redis implements, subcommands not counted (as Redis counts). */
public record CommandCount() implements ImmediateCommand {

    static CommandCount parse(Arguments arguments) {
        return new CommandCount();
    }

    @Override
    public Frame execute(CommandContext context) {
        return Frame.integer(CommandTable.COMMANDS.size());
    }
}
