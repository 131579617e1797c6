package dev.weft.miniredis.cmd;

import dev.weft.miniredis.frame.Frame;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Turns requests into {@link Command}s, with Redis 7's checks and error replies, in Redis's order: an
 * unknown command ({@code ERR unknown command 'foo', with args beginning with: 'a' 'b' }), an unknown
 * subcommand ({@code ERR unknown subcommand 'x'. Try CLIENT HELP.}), a wrong number of arguments
 * ({@code ERR wrong number of arguments for 'get' command}), then the command's own checks.
 *
 * {@snippet :
 * try {
 *     Command command = Commands.parse(Frame.command("SET", "k", "v", "EX", "10"));
 *     Frame reply = ((ImmediateCommand) command).execute(context);   // +OK
 * } catch (CommandException invalid) {
 *     Frame reply = invalid.reply();
 * }
 * }
 *
 * <p>Command names and options are ASCII and case-insensitive; keys and values are binary-safe.
 *
 * <h2>Cancellation</h2>
 * Nothing here waits.
 */
public final class Commands {

    /** How much of the name and of the arguments Redis quotes in "unknown command". */
    private static final int QUOTED_BYTES = 128;

    private Commands() {
    }

    /**
     * The command {@code request} asks for.
     *
     * @param request an array of bulk strings with at least the command's name, as {@code RequestParser}
     *                returns (the empty request, which Redis ignores, is the connection's to skip)
     * @throws CommandException         when the request is not a valid command; its {@link CommandException#reply()}
     *                                  is Redis's error reply
     * @throws IllegalArgumentException if the request is empty or holds something other than bulk strings
     */
    public static Command parse(Frame.Array request) {
        if (request.elements().isEmpty()) {
            throw new IllegalArgumentException("an empty request has no command; the connection skips it");
        }
        Arguments arguments = new Arguments(request);
        CommandSpec spec = CommandTable.find(arguments.bytes(0));
        if (spec == null) {
            throw unknownCommand(arguments);
        }
        if (!spec.subcommands().isEmpty() && arguments.count() >= 2) {
            CommandSpec subcommand = spec.subcommand(arguments.bytes(1));
            if (subcommand == null) {
                throw new CommandException("ERR unknown subcommand '" + quoted(arguments.bytes(1), QUOTED_BYTES) + "'. Try "
                        + arguments.text(0).toUpperCase(Locale.ROOT) + " HELP.");
            }
            spec = subcommand;
        }
        if (!spec.acceptsWordCount(arguments.count())) {
            throw CommandException.wrongArity(spec.name());
        }
        return spec.parser().parse(arguments);
    }

    /** Redis's wording (server.c commandCheckExistence): the name and up to about 128 bytes of arguments. */
    private static CommandException unknownCommand(Arguments arguments) {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        message.writeBytes("ERR unknown command '".getBytes(StandardCharsets.US_ASCII));
        writeQuoted(message, arguments.bytes(0), QUOTED_BYTES);
        message.writeBytes("', with args beginning with: ".getBytes(StandardCharsets.US_ASCII));
        int argumentsStart = message.size();
        for (int i = 1; i < arguments.count() && message.size() - argumentsStart < QUOTED_BYTES; i++) {
            message.write('\'');
            writeQuoted(message, arguments.bytes(i), QUOTED_BYTES - (message.size() - argumentsStart) + 1);
            message.writeBytes("' ".getBytes(StandardCharsets.US_ASCII));
        }
        return new CommandException(message.toString(StandardCharsets.UTF_8));
    }

    /** What C's {@code %.<max>s} prints of {@code bytes}: at most {@code max} bytes, and none from a NUL on. */
    private static String quoted(byte[] bytes, int max) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        writeQuoted(printed, bytes, max);
        return printed.toString(StandardCharsets.UTF_8);
    }

    private static void writeQuoted(ByteArrayOutputStream out, byte[] bytes, int max) {
        for (int i = 0; i < bytes.length && i < max && bytes[i] != 0; i++) {
            out.write(bytes[i]);
        }
    }
}
