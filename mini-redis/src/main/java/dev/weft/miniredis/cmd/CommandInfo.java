package dev.weft.miniredis.cmd;

import dev.weft.miniredis.frame.Frame;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code COMMAND} and {@code COMMAND INFO [name ...]}: each command's arity, flags, key positions, ACL
 * categories, tips, key specs and subcommands, in Redis 7's shape; every command when no name is given,
 * the null bulk string for a name mini-redis does not know. Subcommands are named {@code client|setname}.
 *
 * @param names the commands asked for; empty for all
 */
public record CommandInfo(List<String> names) implements ImmediateCommand {

    static CommandInfo parseCommand(Arguments arguments) {
        return new CommandInfo(List.of());
    }

    static CommandInfo parseInfo(Arguments arguments) {
        return new CommandInfo(CommandTable.namesFrom(arguments, 2));
    }

    @Override
    public Frame execute(CommandContext context) {
        List<Frame> reply = new ArrayList<>();
        if (names.isEmpty()) {
            CommandTable.COMMANDS.forEach(spec -> reply.add(CommandReplies.info(spec)));
        } else {
            for (String name : names) {
                CommandSpec spec = CommandTable.byFullName(name);
                reply.add(spec == null ? Frame.NULL_BULK : CommandReplies.info(spec));
            }
        }
        return new Frame.Array(reply);
    }
}
