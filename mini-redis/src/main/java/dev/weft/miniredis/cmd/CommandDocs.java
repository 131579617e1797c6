package dev.weft.miniredis.cmd;

import dev.weft.miniredis.frame.Frame;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code COMMAND DOCS [name ...]}: each command's summary, version, group, complexity and subcommands,
 * as a flat array of name, docs pairs; every command when no name is given, and nothing for a name
 * mini-redis does not know. {@code redis-cli} builds its help from this reply.
 *
 * @param names the commands asked for; empty for all
 */
public record CommandDocs(List<String> names) implements ImmediateCommand {

    static CommandDocs parse(Arguments arguments) {
        return new CommandDocs(CommandTable.namesFrom(arguments, 2));
    }

    @Override
    public Frame execute(CommandContext context) {
        List<CommandSpec> specs = new ArrayList<>();
        if (names.isEmpty()) {
            specs.addAll(CommandTable.COMMANDS);
        } else {
            for (String name : names) {
                CommandSpec spec = CommandTable.byFullName(name);
                if (spec != null) {
                    specs.add(spec);
                }
            }
        }
        List<Frame> reply = new ArrayList<>();
        for (CommandSpec spec : specs) {
            reply.add(Frame.bulk(spec.name()));
            reply.add(CommandReplies.docs(spec));
        }
        return new Frame.Array(reply);
    }
}
