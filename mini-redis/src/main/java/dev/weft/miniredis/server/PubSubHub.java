package dev.weft.miniredis.server;

import dev.weft.miniredis.cmd.GlobPattern;
import dev.weft.miniredis.db.Key;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/*
 * Implementation notes.
 *
 * The server's channels and patterns, each mapped to the subscribers of that name (Redis's
 * server.pubsub_channels and pubsub_patterns). One lock guards the indexes and serializes every
 * subscribe, unsubscribe and publish; inside it, a publish encodes the message into each receiver's
 * Outbox (a memory copy under the outbox's own lock, never I/O), and a (un)subscribe appends its
 * confirmations. So all subscribers see the messages of all publishers in one global order, and each
 * confirmation sits exactly between the messages sent before and after the change, as in Redis, whose
 * single thread gives the same guarantees.
 *
 * Why not a broadcast channel per name (Tokio's mini-redis): a lagging receiver of a broadcast channel
 * silently loses messages, while Redis keeps every message for a slow subscriber up to its output
 * limit and then disconnects it. Encoding into a bounded per-connection buffer gives Redis's behaviour,
 * costs one copy per receiver (Redis copies into each client's buffer too), and a publish never waits.
 *
 * Patterns are matched by Redis's glob rules, byte by byte (names as ISO-8859-1 strings); each publish
 * tries every pattern, as Redis does. A subscriber on a channel and on a pattern matching it gets the
 * message twice and is counted twice in PUBLISH's reply, as in Redis.
 */
final class PubSubHub {

    private final ReentrantLock lock = new ReentrantLock();
    private final Map<Key, Set<Subscriber>> channels = new HashMap<>();
    private final Map<Key, PatternSubscribers> patterns = new HashMap<>();

    /** The subscribers of one pattern, with the pattern as the matcher reads it. */
    private record PatternSubscribers(String glob, Set<Subscriber> subscribers) {
    }

    /** Subscribes to each name in turn, confirming each with the subscriber's count after it. */
    void subscribe(Subscriber subscriber, List<byte[]> names, boolean pattern) {
        lock.lock();
        try {
            for (byte[] name : names) {
                Key key = Key.of(name);
                if (subscriber.subscriptions(pattern).add(key)) {
                    subscribersOf(key, pattern).add(subscriber);
                }
                subscriber.outbox.confirmation(pattern ? Outbox.PSUBSCRIBE : Outbox.SUBSCRIBE, name, subscriber.count());
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Unsubscribes from each name (subscribed or not) with one confirmation each; with no names, from
     * every channel (or pattern) the subscriber has, or, when it has none, confirms once with a null name.
     */
    void unsubscribe(Subscriber subscriber, List<byte[]> names, boolean pattern) {
        byte[] kind = pattern ? Outbox.PUNSUBSCRIBE : Outbox.UNSUBSCRIBE;
        lock.lock();
        try {
            if (names.isEmpty()) {
                List<Key> all = new ArrayList<>(subscriber.subscriptions(pattern));
                if (all.isEmpty()) {
                    subscriber.outbox.confirmation(kind, null, subscriber.count());
                }
                for (Key key : all) {
                    remove(subscriber, key, pattern);
                    subscriber.outbox.confirmation(kind, key.bytes(), subscriber.count());
                }
            } else {
                for (byte[] name : names) {
                    remove(subscriber, Key.of(name), pattern);
                    subscriber.outbox.confirmation(kind, name, subscriber.count());
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Removes every subscription of a connection that is closing, without replies. */
    void removeAll(Subscriber subscriber) {
        lock.lock();
        try {
            for (boolean pattern : new boolean[] {false, true}) {
                for (Key key : new ArrayList<>(subscriber.subscriptions(pattern))) {
                    remove(subscriber, key, pattern);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Sends {@code payload} to the channel's subscribers and to those of matching patterns; returns how many. */
    long publish(byte[] channel, byte[] payload) {
        long receivers = 0;
        lock.lock();
        try {
            Set<Subscriber> direct = channels.get(Key.of(channel));
            if (direct != null) {
                for (Subscriber subscriber : direct) {
                    subscriber.outbox.message(null, channel, payload);
                }
                receivers += direct.size();
            }
            if (!patterns.isEmpty()) {
                String text = new String(channel, StandardCharsets.ISO_8859_1);
                for (Map.Entry<Key, PatternSubscribers> entry : patterns.entrySet()) {
                    if (GlobPattern.matches(entry.getValue().glob(), text, false)) {
                        for (Subscriber subscriber : entry.getValue().subscribers()) {
                            subscriber.outbox.message(entry.getKey().bytes(), channel, payload);
                        }
                        receivers += entry.getValue().subscribers().size();
                    }
                }
            }
        } finally {
            lock.unlock();
        }
        return receivers;
    }

    /** How many channels and patterns have subscribers: zero once every subscriber has gone. */
    int subscribedNames() {
        lock.lock();
        try {
            return channels.size() + patterns.size();
        } finally {
            lock.unlock();
        }
    }

    private Set<Subscriber> subscribersOf(Key key, boolean pattern) {
        if (!pattern) {
            return channels.computeIfAbsent(key, unused -> new LinkedHashSet<>());
        }
        return patterns.computeIfAbsent(key, unused -> new PatternSubscribers(
                new String(key.bytes(), StandardCharsets.ISO_8859_1), new LinkedHashSet<>())).subscribers();
    }

    private void remove(Subscriber subscriber, Key key, boolean pattern) {
        if (!subscriber.subscriptions(pattern).remove(key)) {
            return;
        }
        if (!pattern) {
            Set<Subscriber> subscribers = channels.get(key);
            subscribers.remove(subscriber);
            if (subscribers.isEmpty()) {
                channels.remove(key);
            }
        } else {
            PatternSubscribers entry = patterns.get(key);
            entry.subscribers().remove(subscriber);
            if (entry.subscribers().isEmpty()) {
                patterns.remove(key);
            }
        }
    }
}
