package dev.weft.miniredis.cli;

import dev.weft.miniredis.frame.Printable;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/**
 * How the CLI prints values, as Tokio's mini-redis-cli does: in double quotes, the text itself when the
 * bytes are UTF-8 without control characters, else escaped the way {@code redis-cli} does
 * ({@code \n}, {@code \xff}).
 */
final class ValueFormat {

    private ValueFormat() {
    }

    static String quoted(byte[] value) {
        return "\"" + readable(value) + "\"";
    }

    private static String readable(byte[] value) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(value)).toString();
        } catch (CharacterCodingException notUtf8) {
            return Printable.of(value);
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '"' || c == '\\') {
                return Printable.of(value);
            }
        }
        return text;
    }
}
