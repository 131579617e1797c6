package dev.weft.miniredis.cmd;

/**
 * {@code PUBLISH channel message}: sends the message to the channel's subscribers; the connection
 * replies how many received it.
 *
 * @param channel the channel
 * @param message the message
 */
public record Publish(byte[] channel, byte[] message) implements PubSubCommand {

    static Publish parse(Arguments arguments) {
        return new Publish(arguments.bytes(1), arguments.bytes(2));
    }
}
