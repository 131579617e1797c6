package dev.weft.miniredis.cmd;

/*
 * Implementation notes.
 *
 * Redis's glob matching (util.c stringmatchlen), used by CONFIG GET and PSUBSCRIBE: '*' any run,
 * '?' any one character, '[abc]', '[a-z]' (ends in either order), '[^...]' negated, '\x' the character
 * x; a '[' never closed takes the rest of the pattern as its set. Letters compare without case when
 * asked, except an escaped one inside a set, as in Redis. Instead of Redis's recursion on '*', the
 * classic backtracking loop remembers the last '*' only: the same answers, in O(pattern * text) time.
 */
/**
 * Redis's glob-style patterns ({@code CONFIG GET}, {@code PSUBSCRIBE}): {@code *}, {@code ?},
 * {@code [set]}, {@code [^set]}, {@code [a-z]} and {@code \x}.
 *
 * {@snippet :
 * boolean matches = GlobPattern.matches("news.*", "news.sport", false);   // true
 * }
 *
 * <h2>Cancellation</h2>
 * Nothing here waits.
 */
public final class GlobPattern {

    private GlobPattern() {
    }

    /**
     * True when {@code text} matches {@code pattern}. Binary patterns and texts (channel names) are
     * passed as ISO-8859-1 strings, one character per byte, so that they match byte by byte as in Redis.
     *
     * @param ignoreCase compare ASCII letters without case
     */
    public static boolean matches(String pattern, String text, boolean ignoreCase) {
        int p = 0;
        int t = 0;
        int starP = -1;
        int starT = -1;
        while (t < text.length()) {
            if (p < pattern.length() && pattern.charAt(p) == '*') {
                starP = p++;
                starT = t;
            } else {
                int next = p < pattern.length() ? matchOne(pattern, p, text.charAt(t), ignoreCase) : -1;
                if (next >= 0) {
                    p = next;
                    t++;
                } else if (starP >= 0) {
                    p = starP + 1;
                    t = ++starT;
                } else {
                    return false;
                }
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }

    /** The index after the pattern token at {@code p} if it matches {@code c}, else -1. */
    private static int matchOne(String pattern, int p, char c, boolean ignoreCase) {
        char token = pattern.charAt(p);
        if (token == '?') {
            return p + 1;
        }
        if (token == '[') {
            return matchSet(pattern, p + 1, c, ignoreCase);
        }
        if (token == '\\' && p + 1 < pattern.length()) {
            return pattern.charAt(p + 1) == c ? p + 2 : -1;
        }
        return same(token, c, ignoreCase) ? p + 1 : -1;
    }

    private static int matchSet(String pattern, int p, char c, boolean ignoreCase) {
        boolean negated = p < pattern.length() && pattern.charAt(p) == '^';
        if (negated) {
            p++;
        }
        boolean match = false;
        while (p < pattern.length() && pattern.charAt(p) != ']') {
            char first = pattern.charAt(p);
            if (first == '\\' && p + 1 < pattern.length()) {
                match |= pattern.charAt(++p) == c;
            } else if (p + 2 < pattern.length() && pattern.charAt(p + 1) == '-') {
                match |= inRange(first, pattern.charAt(p + 2), c, ignoreCase);
                p += 2;
            } else {
                match |= same(first, c, ignoreCase);
            }
            p++;
        }
        return match != negated ? Math.min(p + 1, pattern.length()) : -1;
    }

    private static boolean inRange(char start, char end, char c, boolean ignoreCase) {
        if (ignoreCase) {
            start = lower(start);
            end = lower(end);
            c = lower(c);
        }
        return c >= Math.min(start, end) && c <= Math.max(start, end);
    }

    private static boolean same(char a, char b, boolean ignoreCase) {
        return a == b || ignoreCase && lower(a) == lower(b);
    }

    private static char lower(char c) {
        return (char) Arguments.lowerAscii(c);
    }
}
