package dev.weft.miniredis.client;

/**
 * An error reply from the server ({@code -ERR ...}, {@code -WRONGTYPE ...}): the server understood the
 * request and refused it. The connection stays usable. The message is the reply's text, error code
 * included, as the server sent it.
 *
 * {@snippet :
 * try {
 *     client.set("greeting", "hello", Duration.ofMillis(Long.MAX_VALUE)).await();
 * } catch (RedisErrorException e) {
 *     String code = e.code();          // "ERR"
 *     String text = e.getMessage();    // "ERR invalid expire time in 'set' command"
 * }
 * }
 */
public final class RedisErrorException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** An error reply whose text is {@code message}, for example {@code "ERR syntax error"}. */
    public RedisErrorException(String message) {
        super(message);
    }

    /**
     * The error's code: the reply's first word when it is in upper case ({@code ERR}, {@code WRONGTYPE},
     * {@code NOPROTO}), else an empty string.
     */
    public String code() {
        String message = getMessage();
        int end = message.indexOf(' ');
        String first = end < 0 ? message : message.substring(0, end);
        for (int i = 0; i < first.length(); i++) {
            char c = first.charAt(i);
            if (!(c >= 'A' && c <= 'Z') && !(c >= '0' && c <= '9') && c != '_') {
                return "";
            }
        }
        return first;
    }
}
