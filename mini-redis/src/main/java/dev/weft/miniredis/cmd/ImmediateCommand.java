package dev.weft.miniredis.cmd;

import dev.weft.miniredis.frame.Frame;

/**
 * A command that runs at once and produces one reply: everything but publish and subscribe.
 *
 * {@snippet :
 * ImmediateCommand get = (ImmediateCommand) Commands.parse(Frame.command("GET", "k"));
 * Frame reply = get.execute(context);   // the value, or the null bulk string
 * }
 *
 * <h2>Cancellation</h2>
 * {@link #execute} never waits; it holds the keyspace's lock only briefly.
 */
public non-sealed interface ImmediateCommand extends Command {

    /**
     * Runs the command and returns its reply; an error reply (such as {@code ERR value is not an integer
     * or out of range}) is returned as a {@link Frame.Error}, never thrown.
     */
    Frame execute(CommandContext context);
}
