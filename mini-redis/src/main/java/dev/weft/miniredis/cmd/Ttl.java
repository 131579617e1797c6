package dev.weft.miniredis.cmd;

import dev.weft.miniredis.db.Key;
import dev.weft.miniredis.frame.Frame;

/**
 * {@code TTL key} and {@code PTTL key}: the time the key has left, in seconds (rounded to the nearest, as
 * Redis rounds) or milliseconds; {@code -2} if it does not exist, {@code -1} if it has no deadline.
 *
 * @param key          the key
 * @param milliseconds true for {@code PTTL}
 */
public record Ttl(Key key, boolean milliseconds) implements ImmediateCommand {

    static Ttl parseTtl(Arguments arguments) {
        return new Ttl(arguments.key(1), false);
    }

    static Ttl parsePttl(Arguments arguments) {
        return new Ttl(arguments.key(1), true);
    }

    @Override
    public Frame execute(CommandContext context) {
        long millis = context.db().ttlMillis(key);
        return Frame.integer(millis < 0 || milliseconds ? millis : (millis + 500) / 1000);
    }
}
