package dev.weft.miniredis.cmd;

import dev.weft.miniredis.db.Key;
import dev.weft.miniredis.frame.Frame;

/**
 * {@code PERSIST key}: removes the key's deadline; {@code :1} if it had one, else {@code :0}.
 *
 * @param key the key
 */
public record Persist(Key key) implements ImmediateCommand {

    static Persist parse(Arguments arguments) {
        return new Persist(arguments.key(1));
    }

    @Override
    public Frame execute(CommandContext context) {
        return Frame.integer(context.db().persist(key) ? 1 : 0);
    }
}
