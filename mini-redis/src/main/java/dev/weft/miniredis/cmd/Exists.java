package dev.weft.miniredis.cmd;

import dev.weft.miniredis.db.Key;
import dev.weft.miniredis.frame.Frame;

import java.util.List;

/**
 * {@code EXISTS key [key ...]}: how many of the keys exist, a key named twice counting twice.
 *
 * @param keys the keys
 */
public record Exists(List<Key> keys) implements ImmediateCommand {

    static Exists parse(Arguments arguments) {
        return new Exists(arguments.keys(1));
    }

    @Override
    public Frame execute(CommandContext context) {
        return Frame.integer(context.db().countExisting(keys));
    }
}
