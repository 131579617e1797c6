package dev.weft.miniredis.frame;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.SplittableRandom;

/** Seeded generators of frames, request streams, read splits and mutations, for the property tests. */
final class RandomFrames {

    private static final String ALPHABET = "abcXYZ019 -+*$:\"'\\\r\n\t\u000b\u0000";

    private RandomFrames() {
    }

    /** Any reply frame, arrays nested at most {@code depth} deep. */
    static Frame reply(SplittableRandom random, int depth) {
        return switch (random.nextInt(depth > 0 ? 7 : 6)) {
            case 0 -> Frame.simple(text(random).replace('\r', ' ').replace('\n', ' '));
            case 1 -> Frame.error("ERR " + text(random).replace('\r', ' ').replace('\n', ' '));
            case 2 -> Frame.integer(random.nextBoolean() ? random.nextLong() : random.nextLong(-5, 5));
            case 3 -> Frame.bulk(bytes(random));
            case 4 -> Frame.NULL_BULK;
            case 5 -> Frame.NULL_ARRAY;
            default -> {
                Frame[] elements = new Frame[random.nextInt(5)];
                for (int i = 0; i < elements.length; i++) {
                    elements[i] = reply(random, depth - 1);
                }
                yield Frame.array(elements);
            }
        };
    }

    /** A stream of {@code count} requests, RESP or inline, as clients send them. */
    static byte[] requestStream(SplittableRandom random, int count) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < count; i++) {
            if (random.nextInt(4) == 0) {
                out.writeBytes(Stream.ascii("SET " + word(random) + " \"" + word(random) + "\\x41\" '" + word(random) + "'\r\n"));
            } else {
                int arguments = random.nextInt(6);
                out.writeBytes(Stream.ascii("*" + arguments + "\r\n"));
                for (int a = 0; a < arguments; a++) {
                    byte[] argument = bytes(random);
                    out.writeBytes(Stream.ascii("$" + argument.length + "\r\n"));
                    out.writeBytes(argument);
                    out.writeBytes(Stream.ascii("\r\n"));
                }
            }
        }
        return out.toByteArray();
    }

    /** Ascending cut offsets splitting {@code length} bytes into random reads. */
    static int[] cuts(SplittableRandom random, int length) {
        return random.ints(random.nextInt(Math.max(1, length / 3)), 0, length + 1).sorted().toArray();
    }

    /** {@code bytes} with a few random edits: bytes replaced, inserted, removed, a slice repeated. */
    static byte[] mutate(SplittableRandom random, byte[] bytes) {
        byte[] result = bytes;
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && result.length > 0; e++) {
            int at = random.nextInt(result.length);
            result = switch (random.nextInt(4)) {
                case 0 -> {
                    byte[] copy = result.clone();
                    copy[at] = random.nextBoolean() ? (byte) random.nextInt(256) : (byte) ALPHABET.charAt(random.nextInt(ALPHABET.length()));
                    yield copy;
                }
                case 1 -> {
                    byte[] copy = new byte[result.length + 1];
                    System.arraycopy(result, 0, copy, 0, at);
                    copy[at] = (byte) ALPHABET.charAt(random.nextInt(ALPHABET.length()));
                    System.arraycopy(result, at, copy, at + 1, result.length - at);
                    yield copy;
                }
                case 2 -> {
                    byte[] copy = new byte[result.length - 1];
                    System.arraycopy(result, 0, copy, 0, at);
                    System.arraycopy(result, at + 1, copy, at, result.length - at - 1);
                    yield copy;
                }
                default -> {
                    int end = at + random.nextInt(Math.min(32, result.length - at) + 1);
                    byte[] slice = Arrays.copyOfRange(result, at, end);
                    byte[] copy = new byte[result.length + slice.length];
                    System.arraycopy(result, 0, copy, 0, end);
                    System.arraycopy(slice, 0, copy, end, slice.length);
                    System.arraycopy(result, end, copy, end + slice.length, result.length - end);
                    yield copy;
                }
            };
        }
        return result;
    }

    private static String text(SplittableRandom random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            text.append(random.nextInt(10) == 0 ? '\u00e9' : ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }

    private static String word(SplittableRandom random) {
        return "w" + random.nextInt(1000);
    }

    private static byte[] bytes(SplittableRandom random) {
        byte[] bytes = new byte[random.nextInt(4) == 0 ? random.nextInt(300) : random.nextInt(8)];
        random.nextBytes(bytes);
        return bytes;
    }
}
