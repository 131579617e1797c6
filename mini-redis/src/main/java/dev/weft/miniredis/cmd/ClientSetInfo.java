package dev.weft.miniredis.cmd;

import dev.weft.miniredis.frame.Frame;

/**
 * {@code CLIENT SETINFO LIB-NAME name} and {@code CLIENT SETINFO LIB-VER version} (Redis 7.2, sent by
 * current client libraries when they connect): records what library the client is. An empty value
 * removes it; values follow the rule of client names.
 *
 * @param attribute the attribute as the client spelled it
 * @param value     its value
 */
public record ClientSetInfo(String attribute, byte[] value) implements ImmediateCommand {

    static ClientSetInfo parse(Arguments arguments) {
        if (!arguments.is(2, "lib-name") && !arguments.is(2, "lib-ver")) {
            throw new CommandException("ERR Unrecognized option '" + arguments.text(2) + "'");
        }
        return new ClientSetInfo(arguments.text(2), arguments.bytes(3));
    }

    @Override
    public Frame execute(CommandContext context) {
        if (!ClientSetName.isPrintableWord(value)) {
            return new CommandException("ERR " + attribute + " cannot contain spaces, newlines or special characters.").reply();
        }
        if (attribute.equalsIgnoreCase("lib-name")) {
            context.session().libraryName(ClientSetName.orNull(value));
        } else {
            context.session().libraryVersion(ClientSetName.orNull(value));
        }
        return Frame.OK;
    }
}
