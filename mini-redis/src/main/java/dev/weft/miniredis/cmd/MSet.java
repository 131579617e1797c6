package dev.weft.miniredis.cmd;

import dev.weft.miniredis.db.Key;
import dev.weft.miniredis.frame.Frame;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code MSET key value [key value ...]}: sets every pair atomically, removing their deadlines.
 *
 * @param keys   the keys
 * @param values the values, index for index
 */
public record MSet(List<Key> keys, List<byte[]> values) implements ImmediateCommand {

    static MSet parse(Arguments arguments) {
        if (arguments.count() % 2 == 0) {
            throw CommandException.wrongArity("mset");
        }
        List<Key> keys = new ArrayList<>();
        List<byte[]> values = new ArrayList<>();
        for (int i = 1; i < arguments.count(); i += 2) {
            keys.add(arguments.key(i));
            values.add(arguments.bytes(i + 1));
        }
        return new MSet(keys, values);
    }

    @Override
    public Frame execute(CommandContext context) {
        context.db().setAll(keys, values);
        return Frame.OK;
    }
}
