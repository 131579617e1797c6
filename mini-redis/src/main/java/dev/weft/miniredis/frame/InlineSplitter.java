package dev.weft.miniredis.frame;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/*
 * Implementation notes.
 *
 * Splits an inline command line into arguments exactly as Redis's sdssplitargs (sds.c) does, the
 * function behind both inline requests and redis-cli's own prompt:
 * - arguments are separated by runs of whitespace (C isspace: space, \t, \n, \v, \f, \r); inside an
 *   unquoted argument only space, \t, \n, \r end it (\v and \f do not);
 * - "double quotes" understand \xhh (two hex digits), \n \r \t \b \a, and backslash before any other
 *   character stands for that character; 'single quotes' understand only \' ;
 * - a quote may open in the middle of an argument (ab"cd" is abcd), but a closing quote must be followed
 *   by whitespace or the end of the line, and a quote left open is an error: Redis then replies
 *   "Protocol error: unbalanced quotes in request" and closes the connection;
 * - sdssplitargs reads a C string, so a NUL byte ends the line.
 * Bytes >= 0x80 are ordinary characters (C's isspace is false for them in the C locale).
 */
final class InlineSplitter {

    private final ByteBuffer line;
    private final int end;
    private int index;

    private InlineSplitter(ByteBuffer line, int from, int to) {
        this.line = line;
        this.index = from;
        this.end = to;
    }

    /**
     * The arguments of the line held by {@code buffer} from {@code from} to {@code to} (absolute indexes,
     * the line terminator excluded), as bulk strings.
     *
     * @throws ProtocolException when a quote is left open or a closing quote is followed by a non-space
     */
    static List<Frame> split(ByteBuffer buffer, int from, int to) {
        return new InlineSplitter(buffer, from, to).arguments();
    }

    private List<Frame> arguments() {
        List<Frame> arguments = new ArrayList<>();
        while (true) {
            while (at(0) != 0 && isSpace(at(0))) {
                index++;
            }
            if (at(0) == 0) {
                return arguments;
            }
            arguments.add(Frame.bulk(argument()));
        }
    }

    private byte[] argument() {
        ByteArrayOutputStream current = new ByteArrayOutputStream();
        int quote = 0;
        boolean done = false;
        while (!done) {
            int c = at(0);
            if (quote == 0) {
                switch (c) {
                    case ' ', '\n', '\r', '\t', 0 -> done = true;
                    case '"', '\'' -> quote = c;
                    default -> current.write(c);
                }
            } else if (quote == '"' && c == '\\' && at(1) == 'x' && isHexDigit(at(2)) && isHexDigit(at(3))) {
                current.write(hexValue(at(2)) * 16 + hexValue(at(3)));
                index += 3;
            } else if (quote == '"' && c == '\\' && at(1) != 0 || quote == '\'' && c == '\\' && at(1) == '\'') {
                index++;
                current.write(quote == '"' ? unescaped(at(0)) : '\'');
            } else if (c == quote) {
                requireSpaceOrEndAfterQuote();
                done = true;
            } else if (c == 0) {
                throw unbalancedQuotes();
            } else {
                current.write(c);
            }
            if (at(0) != 0) {
                index++;
            }
        }
        return current.toByteArray();
    }

    /** The byte {@code ahead} places on, as an unsigned value; 0 past the end of the line, as in C. */
    private int at(int ahead) {
        int position = index + ahead;
        return position < end ? line.get(position) & 0xff : 0;
    }

    private void requireSpaceOrEndAfterQuote() {
        int next = at(1);
        if (next != 0 && !isSpace(next)) {
            throw unbalancedQuotes();
        }
    }

    private static int unescaped(int c) {
        return switch (c) {
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'b' -> '\b';
            case 'a' -> 7;
            default -> c;
        };
    }

    private static boolean isSpace(int c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    private static boolean isHexDigit(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static int hexValue(int c) {
        return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
    }

    private static ProtocolException unbalancedQuotes() {
        return new ProtocolException("Protocol error: unbalanced quotes in request");
    }
}
