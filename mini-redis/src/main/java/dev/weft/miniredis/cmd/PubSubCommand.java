package dev.weft.miniredis.cmd;

/**
 * A publish/subscribe command, parsed here and executed by the connection: {@link Publish},
 * {@link Subscribe} ({@code SUBSCRIBE}, {@code PSUBSCRIBE}) and {@link Unsubscribe} ({@code UNSUBSCRIBE},
 * {@code PUNSUBSCRIBE}). The connection owns the subscriptions, may reply several times to one command
 * (one confirmation per channel) and, in subscribed mode, accepts only these commands, {@code PING} and
 * {@code QUIT}.
 *
 * {@snippet :
 * if (Commands.parse(Frame.command("SUBSCRIBE", "news", "weather")) instanceof Subscribe subscribe) {
 *     int channels = subscribe.channels().size();   // 2
 * }
 * }
 *
 * <h2>Cancellation</h2>
 * Parsing never waits.
 */
public sealed interface PubSubCommand extends Command permits Publish, Subscribe, Unsubscribe {
}
