package dev.weft.miniredis.client;

import dev.weft.miniredis.frame.Frame;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/** The request frames the clients send: arrays of bulk strings, as Redis expects. Keys and channels are UTF-8. */
final class Requests {

    private static final Frame.Bulk GET = Frame.bulk("GET");
    private static final Frame.Bulk SET = Frame.bulk("SET");
    private static final Frame.Bulk PX = Frame.bulk("PX");
    private static final Frame.Bulk DEL = Frame.bulk("DEL");
    private static final Frame.Bulk PUBLISH = Frame.bulk("PUBLISH");
    private static final Frame.Bulk PING = Frame.bulk("PING");
    private static final Frame.Bulk SUBSCRIBE = Frame.bulk("SUBSCRIBE");
    private static final Frame.Bulk UNSUBSCRIBE = Frame.bulk("UNSUBSCRIBE");

    private Requests() {
    }

    static Frame.Array get(String key) {
        return Frame.array(GET, text(key, "key"));
    }

    static Frame.Array set(String key, byte[] value) {
        return Frame.array(SET, text(key, "key"), bytes(value));
    }

    /**
     * {@code SET key value PX ms}, with the expiry rounded up to whole milliseconds so the key lives at
     * least {@code expiry}.
     *
     * @throws IllegalArgumentException if {@code expiry} is not positive
     */
    static Frame.Array set(String key, byte[] value, Duration expiry) {
        Objects.requireNonNull(expiry, "expiry");
        if (expiry.isNegative() || expiry.isZero()) {
            throw new IllegalArgumentException("expiry <= 0: " + expiry);
        }
        return Frame.array(SET, text(key, "key"), bytes(value), PX, Frame.bulk(Long.toString(ceilMillis(expiry))));
    }

    static Frame.Array del(String... keys) {
        return withNames(DEL, List.of(keys), "key", 1);
    }

    static Frame.Array publish(String channel, byte[] message) {
        return Frame.array(PUBLISH, text(channel, "channel"), bytes(message));
    }

    static Frame.Array ping() {
        return Frame.array(PING);
    }

    static Frame.Array ping(byte[] message) {
        return Frame.array(PING, bytes(message));
    }

    static Frame.Array subscribe(Collection<String> channels) {
        return withNames(SUBSCRIBE, channels, "channel", 1);
    }

    static Frame.Array unsubscribe(Collection<String> channels) {
        return withNames(UNSUBSCRIBE, channels, "channel", 0);
    }

    static byte[] utf8(String text, String what) {
        return Objects.requireNonNull(text, what).getBytes(StandardCharsets.UTF_8);
    }

    /** Whole milliseconds, rounded up; saturates at {@code Long.MAX_VALUE}. */
    private static long ceilMillis(Duration duration) {
        try {
            long millis = duration.toMillis();
            return duration.minusMillis(millis).isZero() ? millis : Math.addExact(millis, 1);
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }

    private static Frame.Array withNames(Frame.Bulk command, Collection<String> names, String what, int atLeast) {
        if (names.size() < atLeast) {
            throw new IllegalArgumentException("fewer than " + atLeast + " " + what + ": " + names.size());
        }
        List<Frame> elements = new ArrayList<>(names.size() + 1);
        elements.add(command);
        for (String name : names) {
            elements.add(text(name, what));
        }
        return new Frame.Array(elements);
    }

    private static Frame.Bulk text(String text, String what) {
        return Frame.bulk(utf8(text, what));
    }

    private static Frame.Bulk bytes(byte[] value) {
        return Frame.bulk(Objects.requireNonNull(value, "value"));
    }
}
