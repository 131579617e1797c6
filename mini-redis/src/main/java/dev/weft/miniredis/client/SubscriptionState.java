package dev.weft.miniredis.client;

import dev.weft.miniredis.frame.Frame;
import dev.weft.miniredis.frame.ProtocolException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/*
 * Implementation notes.
 *
 * What a subscribed connection knows, derived only from what the server sends: the channels (updated by
 * each "subscribe"/"unsubscribe" confirmation as it is read, so the set is the server's view whoever reads
 * the confirmation), the confirmations still expected, and the messages that arrived while a
 * (un)subscribe call was waiting for its confirmations (handed to nextMessage first, in arrival order).
 *
 * Redis answers SUBSCRIBE and UNSUBSCRIBE with one confirmation per channel named, in order, and
 * UNSUBSCRIBE without channels with one per channel it drops (or one with a null channel when there are
 * none), the last carrying the count 0. Commands are answered in the order they were sent, so the
 * expectations form a FIFO: the head is completed by confirmations of its kind, `remaining` of them, or
 * (for "all channels") the one whose count is 0. A call that was cancelled leaves its expectation queued;
 * whoever reads on completes it, so later calls still match their own confirmations.
 *
 * Used by one task at a time (the Subscriber's operation guard); `channels` is a volatile snapshot so
 * that subscribedChannels() may be read from any thread.
 */

/** The subscription bookkeeping of a {@link Subscriber}. See the implementation notes. */
final class SubscriptionState {

    private static final String SUBSCRIBE = "subscribe";
    private static final String UNSUBSCRIBE = "unsubscribe";
    private static final int UNTIL_NONE_LEFT = -1;

    private final ArrayDeque<Expectation> expected = new ArrayDeque<>();
    private final ArrayDeque<Message> early = new ArrayDeque<>();
    private volatile Set<String> channels = Set.of();

    /** A pending (un)subscribe call's confirmations. */
    static final class Expectation {
        private final String kind;
        private int remaining;
        private boolean complete;

        private Expectation(String kind, int remaining) {
            this.kind = kind;
            this.remaining = remaining;
        }

        boolean isComplete() {
            return complete;
        }
    }

    /** Expects one subscribe confirmation per channel of a SUBSCRIBE just sent. */
    Expectation expectSubscribed(List<String> names) {
        return expect(new Expectation(SUBSCRIBE, names.size()));
    }

    /** Expects the confirmations of an UNSUBSCRIBE just sent: one per channel, or (none named) until none is left. */
    Expectation expectUnsubscribed(List<String> names) {
        return expect(new Expectation(UNSUBSCRIBE, names.isEmpty() ? UNTIL_NONE_LEFT : names.size()));
    }

    private Expectation expect(Expectation expectation) {
        expected.addLast(expectation);
        return expectation;
    }

    /** Forgets {@code expectation}, whose request was never sent. */
    void withdraw(Expectation expectation) {
        expected.removeLastOccurrence(expectation);
    }

    /** The channels subscribed to, in the order they were subscribed. */
    Set<String> channels() {
        return channels;
    }

    /** Keeps {@code message} for the next {@link #takeEarly()}, behind those already kept. */
    void keepEarly(Message message) {
        early.addLast(message);
    }

    /** The oldest message kept by {@link #keepEarly}, or null. */
    Message takeEarly() {
        return early.pollFirst();
    }

    /**
     * Applies a frame the server pushed: returns it as a message, or applies a confirmation and returns null.
     *
     * @throws RedisErrorException if the frame is an error reply
     * @throws ProtocolException   if it is neither a message nor an expected confirmation
     */
    Message apply(Frame frame) {
        Frame.Array push = asPush(Replies.checked(frame));
        List<Frame> parts = push.elements();
        String kind = text(parts.getFirst(), frame);
        switch (kind) {
            case "message" -> {
                return new Message(text(parts.get(1), frame), bytes(parts.get(2), frame));
            }
            case SUBSCRIBE, UNSUBSCRIBE -> {
                confirm(kind, parts.get(1), count(parts.get(2), frame), frame);
                return null;
            }
            default -> throw unexpected(frame);
        }
    }

    private void confirm(String kind, Frame channel, long count, Frame frame) {
        Expectation head = expected.peekFirst();
        if (head == null || !head.kind.equals(kind)) {
            throw unexpected(frame);
        }
        if (channel instanceof Frame.Bulk name) {
            LinkedHashSet<String> updated = new LinkedHashSet<>(channels);
            if (kind.equals(SUBSCRIBE)) {
                updated.add(name.utf8());
            } else {
                updated.remove(name.utf8());
            }
            channels = Collections.unmodifiableSet(updated);
        }
        boolean done = head.remaining == UNTIL_NONE_LEFT ? count == 0 : --head.remaining == 0;
        if (done) {
            head.complete = true;
            expected.removeFirst();
        }
    }

    private static Frame.Array asPush(Frame frame) {
        if (frame instanceof Frame.Array array && array.elements().size() == 3) {
            return array;
        }
        throw unexpected(frame);
    }

    private static String text(Frame part, Frame frame) {
        return new String(bytes(part, frame), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(Frame part, Frame frame) {
        if (part instanceof Frame.Bulk bulk) {
            return bulk.bytes();
        }
        throw unexpected(frame);
    }

    private static long count(Frame part, Frame frame) {
        if (part instanceof Frame.Integer integer) {
            return integer.value();
        }
        throw unexpected(frame);
    }

    private static ProtocolException unexpected(Frame frame) {
        return new ProtocolException("unexpected frame on a subscribed connection: " + frame);
    }
}
