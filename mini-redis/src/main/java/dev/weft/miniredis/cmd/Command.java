package dev.weft.miniredis.cmd;

/**
 * A parsed, valid request: what {@link Commands#parse} makes of an array of bulk strings. Two kinds: an
 * {@link ImmediateCommand} runs at once against the keyspace and the connection's state and produces
 * one reply; a {@link PubSubCommand} changes the connection's subscriptions or publishes, and is
 * executed by the connection itself, which owns the subscriptions.
 *
 * {@snippet :
 * Command command = Commands.parse(Frame.command("GET", "greeting"));
 * Frame reply = switch (command) {
 *     case ImmediateCommand immediate -> immediate.execute(context);
 *     case PubSubCommand pubSub -> Frame.error("ERR pub/sub is handled by the connection");
 * };
 * }
 *
 * <h2>Cancellation</h2>
 * Parsing and executing commands never waits.
 */
public sealed interface Command permits ImmediateCommand, PubSubCommand {
}
