package dev.weft.miniredis.server;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random request bytes for the fuzz test, drawn from a seeded generator: valid commands (RESP or inline,
 * with sensible and absurd arguments), the same mutated (bytes flipped, cut, repeated, inserted, a length
 * header replaced), and plain noise. Keys stay under {@code fuzz:} and no command empties the keyspace,
 * so that a well-behaved client's own keys are never touched.
 */
final class FuzzRequests {

    private static final String[] NUMBERS = {"0", "1", "-1", "42", "100", "9223372036854775807", "-9223372036854775808",
            "18446744073709551615", "1e3", "", " 1", "0x10", "99999999999999999999"};
    private static final String[] WORDS = {"GET", "SET", "DEL", "EXISTS", "INCR", "DECR", "INCRBY", "DECRBY", "MGET",
            "MSET", "EXPIRE", "PEXPIRE", "TTL", "PTTL", "PERSIST", "PING", "ECHO", "DBSIZE", "PUBLISH", "SUBSCRIBE",
            "UNSUBSCRIBE", "PSUBSCRIBE", "PUNSUBSCRIBE", "CLIENT", "HELLO", "CONFIG", "COMMAND", "INFO", "QUIT", "NOPE",
            "EX", "PX", "EXAT", "PXAT", "NX", "XX", "GT", "LT", "KEEPTTL", "SETNAME", "GETNAME", "ID", "SETINFO", "COUNT",
            "DOCS", "HELP", "AUTH", "default"};

    private final SplittableRandom random;

    FuzzRequests(SplittableRandom random) {
        this.random = random;
    }

    /** The bytes of one request: valid, mutated or noise. */
    byte[] next() {
        int kind = random.nextInt(10);
        byte[] valid = random.nextInt(4) == 0 ? inline(command()) : resp(command());
        if (kind < 5) {
            return valid;
        }
        if (kind < 9) {
            return mutate(valid);
        }
        return noise();
    }

    /** A command: a known name with random arguments, mostly well-formed. */
    private List<String> command() {
        List<String> words = new ArrayList<>();
        String name = switch (random.nextInt(12)) {
            case 0 -> "SET";
            case 1 -> "GET";
            case 2 -> "INCRBY";
            case 3 -> "EXPIRE";
            case 4 -> "PUBLISH";
            case 5 -> "SUBSCRIBE";
            case 6 -> "PSUBSCRIBE";
            case 7 -> "UNSUBSCRIBE";
            case 8 -> "MSET";
            default -> pick(WORDS);
        };
        words.add(random.nextBoolean() ? name : name.toLowerCase());
        int arguments = random.nextInt(6);
        for (int i = 0; i < arguments; i++) {
            words.add(switch (random.nextInt(4)) {
                case 0 -> "fuzz:" + random.nextInt(20);
                case 1 -> pick(NUMBERS);
                case 2 -> pick(WORDS);
                default -> randomText(random.nextInt(12));
            });
        }
        return words;
    }

    private static byte[] resp(List<String> words) {
        StringBuilder resp = new StringBuilder("*").append(words.size()).append("\r\n");
        for (String word : words) {
            resp.append('$').append(word.getBytes(StandardCharsets.ISO_8859_1).length).append("\r\n").append(word).append("\r\n");
        }
        return resp.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private byte[] inline(List<String> words) {
        StringBuilder line = new StringBuilder();
        for (String word : words) {
            if (!line.isEmpty()) {
                line.append(' ');
            }
            line.append(random.nextInt(5) == 0 ? "\"" + word + "\"" : word.replace(' ', '_').replace('\r', '_').replace('\n', '_'));
        }
        return line.append(random.nextBoolean() ? "\r\n" : "\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private byte[] mutate(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = random.nextInt(bytes.length);
        switch (random.nextInt(6)) {
            case 0 -> {
                byte[] flipped = bytes.clone();
                flipped[at] ^= (byte) (1 << random.nextInt(8));
                return flipped;
            }
            case 1 -> out.write(bytes, 0, at);
            case 2 -> {
                out.write(bytes, 0, at);
                out.write(bytes, at, bytes.length - at);
                out.write(bytes, at, bytes.length - at);
            }
            case 3 -> {
                out.write(bytes, 0, at);
                out.writeBytes(noise());
                out.write(bytes, at, bytes.length - at);
            }
            case 4 -> {
                String text = new String(bytes, StandardCharsets.ISO_8859_1);
                String header = random.nextBoolean() ? "$" : "*";
                int index = text.indexOf(header, at);
                if (index < 0) {
                    return bytes;
                }
                int end = text.indexOf('\r', index);
                end = end < 0 ? text.length() : end;
                return (text.substring(0, index + 1) + pick(NUMBERS) + text.substring(end)).getBytes(StandardCharsets.ISO_8859_1);
            }
            default -> {
                int resumeAt = Math.min(bytes.length, at + 1 + random.nextInt(4));
                out.write(bytes, 0, at);
                out.write(bytes, resumeAt, bytes.length - resumeAt);
            }
        }
        return out.toByteArray();
    }

    private byte[] noise() {
        byte[] noise = new byte[1 + random.nextInt(32)];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = switch (random.nextInt(6)) {
                case 0 -> '\r';
                case 1 -> '\n';
                case 2 -> (byte) "*$+-:\"'\\ ".charAt(random.nextInt(9));
                case 3 -> (byte) ('0' + random.nextInt(10));
                default -> (byte) random.nextInt(256);
            };
        }
        return noise;
    }

    private String randomText(int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append((char) random.nextInt(256));
        }
        return text.toString();
    }

    private String pick(String[] choices) {
        return choices[random.nextInt(choices.length)];
    }
}
