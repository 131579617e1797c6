package dev.weft.miniredis.cmd;

import java.util.List;

/**
 * {@code SUBSCRIBE channel [channel ...]} and {@code PSUBSCRIBE pattern [pattern ...]}: the connection
 * subscribes and confirms each channel or pattern with its own reply.
 *
 * @param channels the channels, or glob-style patterns
 * @param patterns true for {@code PSUBSCRIBE}
 */
public record Subscribe(List<byte[]> channels, boolean patterns) implements PubSubCommand {

    static Subscribe parseSubscribe(Arguments arguments) {
        return new Subscribe(arguments.words(1), false);
    }

    static Subscribe parsePsubscribe(Arguments arguments) {
        return new Subscribe(arguments.words(1), true);
    }
}
