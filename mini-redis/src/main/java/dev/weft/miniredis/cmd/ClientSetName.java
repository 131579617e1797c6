package dev.weft.miniredis.cmd;

import dev.weft.miniredis.frame.Frame;

import java.nio.charset.StandardCharsets;

/**
 * {@code CLIENT SETNAME name}: names the connection; an empty name removes it. A name may hold only
 * printable ASCII without spaces ({@code !} to {@code ~}), as Redis requires so that {@code CLIENT LIST}
 * stays parseable.
 *
 * @param name the name, empty to remove it
 */
public record ClientSetName(byte[] name) implements ImmediateCommand {

    static ClientSetName parse(Arguments arguments) {
        return new ClientSetName(arguments.bytes(2));
    }

    @Override
    public Frame execute(CommandContext context) {
        if (!isPrintableWord(name)) {
            return Frame.error("ERR Client names cannot contain spaces, newlines or special characters.");
        }
        context.session().name(orNull(name));
        return Frame.OK;
    }

    /** True when every byte is printable ASCII other than space, Redis's rule for names and library info. */
    static boolean isPrintableWord(byte[] bytes) {
        for (byte b : bytes) {
            if (b < '!' || b > '~') {
                return false;
            }
        }
        return true;
    }

    /** The ASCII text of {@code bytes}, or null when empty (which Redis takes as "unset"). */
    static String orNull(byte[] bytes) {
        return bytes.length == 0 ? null : new String(bytes, StandardCharsets.US_ASCII);
    }
}
