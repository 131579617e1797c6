package dev.weft.miniredis.cmd;

import dev.weft.miniredis.frame.Frame;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code CLIENT HELP}, {@code COMMAND HELP}, {@code CONFIG HELP}: the subcommands mini-redis implements,
 * in Redis's format (one simple string per line, between Redis's header and footer).
 *
 * @param container the command as the client spelled it
 * @param lines     the lines describing the subcommands
 */
public record Help(String container, List<String> lines) implements ImmediateCommand {

    static final List<String> CLIENT = List.of(
            "GETNAME",
            "    Return the name of the current connection.",
            "ID",
            "    Return the ID of the current connection.",
            "SETINFO <option> <value>",
            "    Set client meta attr. Options are:",
            "    * LIB-NAME: the client lib name.",
            "    * LIB-VER: the client lib version.",
            "SETNAME <name>",
            "    Assign the name <name> to the current connection.");

    static final List<String> COMMAND = List.of(
            "(no subcommand)",
            "    Return details about all Redis commands.",
            "COUNT",
            "    Return the total number of commands in this Redis server.",
            "INFO [<command-name> ...]",
            "    Return details about multiple Redis commands.",
            "    If no command names are given, documentation details for all",
            "    commands are returned.",
            "DOCS [<command-name> ...]",
            "    Return documentation details about multiple Redis commands.",
            "    If no command names are given, documentation details for all",
            "    commands are returned.");

    static final List<String> CONFIG = List.of(
            "GET <pattern>",
            "    Return parameters matching the glob-like <pattern> and their values.");

    static CommandSpec.Parser of(List<String> lines) {
        return arguments -> new Help(arguments.text(0), lines);
    }

    @Override
    public Frame execute(CommandContext context) {
        List<Frame> reply = new ArrayList<>(lines.size() + 3);
        reply.add(Frame.simple(container.toUpperCase(java.util.Locale.ROOT)
                + " <subcommand> [<arg> [value] [opt] ...]. Subcommands are:"));
        lines.forEach(line -> reply.add(Frame.simple(line)));
        reply.add(Frame.simple("HELP"));
        reply.add(Frame.simple("    Prints this help."));
        return new Frame.Array(reply);
    }
}
