package dev.weft.miniredis.cmd;

import dev.weft.miniredis.db.Key;
import dev.weft.miniredis.frame.Frame;

import java.util.List;

/**
 * {@code DEL key [key ...]}: deletes the keys atomically; replies how many existed.
 *
 * @param keys the keys
 */
public record Del(List<Key> keys) implements ImmediateCommand {

    static Del parse(Arguments arguments) {
        return new Del(arguments.keys(1));
    }

    @Override
    public Frame execute(CommandContext context) {
        return Frame.integer(context.db().delete(keys));
    }
}
