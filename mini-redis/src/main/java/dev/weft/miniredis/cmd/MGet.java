package dev.weft.miniredis.cmd;

import dev.weft.miniredis.db.Key;
import dev.weft.miniredis.frame.Frame;

import java.util.List;

/**
 * {@code MGET key [key ...]}: the values, atomically, with the null bulk string for each missing key.
 *
 * @param keys the keys
 */
public record MGet(List<Key> keys) implements ImmediateCommand {

    static MGet parse(Arguments arguments) {
        return new MGet(arguments.keys(1));
    }

    @Override
    public Frame execute(CommandContext context) {
        List<byte[]> values = context.db().getAll(keys);
        Frame[] elements = new Frame[values.size()];
        for (int i = 0; i < elements.length; i++) {
            byte[] value = values.get(i);
            elements[i] = value == null ? Frame.NULL_BULK : Frame.bulk(value);
        }
        return Frame.array(elements);
    }
}
