package dev.weft.miniredis.server;

import dev.weft.Async;
import dev.weft.miniredis.frame.Frame;
import dev.weft.miniredis.frame.FrameEncoder;
import dev.weft.sync.Notify;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.locks.ReentrantLock;

/*
 * Implementation notes.
 *
 * The output buffer of a subscribed connection (Redis's client reply buffer): publishers, and the
 * connection itself for its own replies, encode into `pending` under `lock`; the connection takes the
 * whole buffer with exchange(), handing back an empty encoder, and writes it outside the lock. So every
 * byte a subscriber receives passes through here in one order, the order of the appends, which is the
 * order of the hub's critical sections: a confirmation of SUBSCRIBE precedes every message of that
 * channel, and messages follow publish order.
 *
 * Bounded like Redis's pubsub client-output-buffer-limit (hard limit only): an append that takes the
 * unwritten bytes past `limit` drops them all, marks the outbox overflowed (later appends are dropped
 * too) and runs `onOverflow` after the lock is released; the connection then closes, as Redis
 * disconnects a subscriber that does not keep up. Memory held for one subscriber is thus at most
 * limit + one message.
 *
 * Wake-ups: an append to an empty buffer calls notifyOne, which stores a permit if the connection is
 * not waiting; the connection takes its notified() before exchange(), so an append between the two is
 * never missed. Lock order: the hub's lock, then this one; nothing here waits while holding it.
 */
final class Outbox {

    static final byte[] SUBSCRIBE = ascii("subscribe");
    static final byte[] UNSUBSCRIBE = ascii("unsubscribe");
    static final byte[] PSUBSCRIBE = ascii("psubscribe");
    static final byte[] PUNSUBSCRIBE = ascii("punsubscribe");
    private static final byte[] MESSAGE = ascii("message");
    private static final byte[] PATTERN_MESSAGE = ascii("pmessage");

    private final ReentrantLock lock = new ReentrantLock();
    private final Notify ready = new Notify();
    private final long limit;
    private final Runnable onOverflow;
    private FrameEncoder pending;
    private boolean overflowed;

    /**
     * An outbox starting with the bytes already in {@code pending}, which it takes over.
     *
     * @param limit      the most unwritten bytes before the connection is dropped
     * @param onOverflow what to do (once) when the limit is passed: close the connection
     */
    Outbox(FrameEncoder pending, long limit, Runnable onOverflow) {
        this.pending = pending;
        this.limit = limit;
        this.onOverflow = onOverflow;
    }

    /** Appends a reply to the connection's own command. */
    void reply(Frame frame) {
        int before = beginAppend();
        if (before >= 0) {
            try {
                pending.encode(frame);
            } finally {
                endAppend(before);
            }
        }
    }

    /** Appends {@code [kind, name, count]}: a (p)(un)subscribe confirmation; a null name is a null bulk. */
    void confirmation(byte[] kind, byte[] name, long count) {
        int before = beginAppend();
        if (before >= 0) {
            try {
                pending.writeArrayHeader(3);
                pending.writeBulk(kind);
                if (name == null) {
                    pending.writeNullBulk();
                } else {
                    pending.writeBulk(name);
                }
                pending.writeInteger(count);
            } finally {
                endAppend(before);
            }
        }
    }

    /** Appends {@code [message, channel, payload]}, or {@code [pmessage, pattern, channel, payload]}. */
    void message(byte[] pattern, byte[] channel, byte[] payload) {
        int before = beginAppend();
        if (before >= 0) {
            try {
                if (pattern == null) {
                    pending.writeArrayHeader(3);
                    pending.writeBulk(MESSAGE);
                } else {
                    pending.writeArrayHeader(4);
                    pending.writeBulk(PATTERN_MESSAGE);
                    pending.writeBulk(pattern);
                }
                pending.writeBulk(channel);
                pending.writeBulk(payload);
            } finally {
                endAppend(before);
            }
        }
    }

    /**
     * An operation that completes once bytes were appended after the last {@link #exchange}. Take it
     * before exchanging, then await it.
     */
    Async<Void> appended() {
        return ready.notified();
    }

    /** Takes the unwritten bytes: returns the encoder holding them and keeps {@code empty} in its place. */
    FrameEncoder exchange(FrameEncoder empty) {
        lock.lock();
        try {
            FrameEncoder full = pending;
            pending = empty;
            return full;
        } finally {
            lock.unlock();
        }
    }

    /** True once the limit was passed: the connection must close. */
    boolean overflowed() {
        lock.lock();
        try {
            return overflowed;
        } finally {
            lock.unlock();
        }
    }

    /** Takes the lock for an append: the bytes pending, or -1 (lock released) once overflowed. */
    private int beginAppend() {
        lock.lock();
        if (overflowed) {
            lock.unlock();
            return -1;
        }
        return pending.size();
    }

    /** Checks the limit, releases the lock, then wakes the connection or has it dropped. */
    private void endAppend(int before) {
        boolean overflowNow = pending.size() > limit;
        if (overflowNow) {
            overflowed = true;
            pending.clear();
        }
        lock.unlock();
        if (overflowNow) {
            onOverflow.run();
        } else if (before == 0) {
            ready.notifyOne();
        }
    }

    private static byte[] ascii(String word) {
        return word.getBytes(StandardCharsets.US_ASCII);
    }
}
