package dev.weft.miniredis.cmd;

import java.util.List;

/**
 * {@code UNSUBSCRIBE [channel ...]} and {@code PUNSUBSCRIBE [pattern ...]}: the connection unsubscribes
 * from the channels or patterns named, or from all of them when none is, with one reply for each.
 *
 * @param channels the channels or patterns; empty for all
 * @param patterns true for {@code PUNSUBSCRIBE}
 */
public record Unsubscribe(List<byte[]> channels, boolean patterns) implements PubSubCommand {

    static Unsubscribe parseUnsubscribe(Arguments arguments) {
        return new Unsubscribe(arguments.words(1), false);
    }

    static Unsubscribe parsePunsubscribe(Arguments arguments) {
        return new Unsubscribe(arguments.words(1), true);
    }
}
