package dev.weft.miniredis.frame;

/**
 * Renders binary-safe bytes for humans the way {@code redis-cli} quotes them: printable ASCII as it is,
 * a backslash or quote escaped, common control characters as {@code \n \r \t \a \b}, every other byte as
 * {@code \xhh}. Used by {@code toString} methods and error messages.
 *
 * {@snippet :
 * String shown = Printable.of(new byte[] {'k', 0, '\n'});   // k\x00\n
 * }
 */
public final class Printable {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Printable() {
    }

    /** The escaped form of {@code bytes}, without surrounding quotes. */
    public static String of(byte[] bytes) {
        StringBuilder text = new StringBuilder(bytes.length + 8);
        for (byte b : bytes) {
            switch (b) {
                case '\\' -> text.append("\\\\");
                case '"' -> text.append("\\\"");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                case '\t' -> text.append("\\t");
                case 7 -> text.append("\\a");
                case '\b' -> text.append("\\b");
                default -> {
                    if (b >= 0x20 && b < 0x7f) {
                        text.append((char) b);
                    } else {
                        text.append("\\x").append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
                    }
                }
            }
        }
        return text.toString();
    }
}
