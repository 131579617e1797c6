package dev.weft.miniredis.cmd;

import dev.weft.miniredis.frame.Frame;

/**
 * A request that is not a valid command, with the error reply Redis 7 sends for it: an unknown command,
 * a wrong number of arguments, a syntax error, a value that is not an integer, ... The message is the
 * whole reply text after {@code -}, error code included ({@code ERR syntax error}).
 *
 * {@snippet :
 * try {
 *     Commands.parse(Frame.command("GET"));
 * } catch (CommandException e) {
 *     Frame reply = e.reply();   // -ERR wrong number of arguments for 'get' command
 * }
 * }
 */
public final class CommandException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * An error whose reply is {@code message}; CR and LF in it become spaces and trailing ones are
     * dropped, as Redis does, so that user input echoed in a message cannot break the protocol.
     */
    public CommandException(String message) {
        super(singleLine(message), null, false, false);
    }

    /** The error reply. */
    public Frame.Error reply() {
        return Frame.error(getMessage());
    }

    static CommandException syntaxError() {
        return new CommandException("ERR syntax error");
    }

    static CommandException notAnInteger() {
        return new CommandException("ERR value is not an integer or out of range");
    }

    static CommandException wrongArity(String fullName) {
        return new CommandException("ERR wrong number of arguments for '" + fullName + "' command");
    }

    static CommandException invalidExpireTime(String command) {
        return new CommandException("ERR invalid expire time in '" + command + "' command");
    }

    private static String singleLine(String message) {
        int end = message.length();
        while (end > 0 && (message.charAt(end - 1) == '\r' || message.charAt(end - 1) == '\n')) {
            end--;
        }
        return message.substring(0, end).replace('\r', ' ').replace('\n', ' ');
    }
}
