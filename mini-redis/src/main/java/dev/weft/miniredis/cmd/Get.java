package dev.weft.miniredis.cmd;

import dev.weft.miniredis.db.Key;
import dev.weft.miniredis.frame.Frame;

/**
 * {@code GET key}: the value, or the null bulk string when the key does not exist or has expired.
 *
 * @param key the key
 */
public record Get(Key key) implements ImmediateCommand {

    static Get parse(Arguments arguments) {
        return new Get(arguments.key(1));
    }

    @Override
    public Frame execute(CommandContext context) {
        byte[] value = context.db().get(key);
        return value == null ? Frame.NULL_BULK : Frame.bulk(value);
    }
}
