package dev.weft.miniredis.server;

import dev.weft.miniredis.db.Key;

import java.util.LinkedHashSet;
import java.util.Set;

/*
 * Implementation notes.
 *
 * The pub/sub state of one connection: what it subscribed to (in subscription order, which is the order
 * of the replies to an UNSUBSCRIBE without arguments) and its outbox. The sets are changed only by the
 * connection's own task, inside the hub's critical sections (so the hub's indexes and these sets agree);
 * the connection reads count() without the lock, being their only writer.
 */
final class Subscriber {

    final Outbox outbox;
    final Set<Key> channels = new LinkedHashSet<>();
    final Set<Key> patterns = new LinkedHashSet<>();

    Subscriber(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Channels and patterns together: the count in Redis's confirmations. */
    int count() {
        return channels.size() + patterns.size();
    }

    Set<Key> subscriptions(boolean pattern) {
        return pattern ? patterns : channels;
    }
}
