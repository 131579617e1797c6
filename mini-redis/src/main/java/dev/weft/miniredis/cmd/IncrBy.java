package dev.weft.miniredis.cmd;

import dev.weft.miniredis.db.Key;
import dev.weft.miniredis.frame.Frame;

/**
 * {@code INCR}, {@code DECR}, {@code INCRBY}, {@code DECRBY}: adds to the integer a key holds (0 when it
 * does not exist), keeping its deadline; replies the result. A value that is not an integer is
 * {@code ERR value is not an integer or out of range}; a result beyond 64 bits is
 * {@code ERR increment or decrement would overflow}, and the value is left as it was.
 *
 * @param key   the key
 * @param delta what to add
 */
public record IncrBy(Key key, long delta) implements ImmediateCommand {

    static IncrBy parseIncr(Arguments arguments) {
        return new IncrBy(arguments.key(1), 1);
    }

    static IncrBy parseDecr(Arguments arguments) {
        return new IncrBy(arguments.key(1), -1);
    }

    static IncrBy parseIncrBy(Arguments arguments) {
        return new IncrBy(arguments.key(1), arguments.integer(2));
    }

    static IncrBy parseDecrBy(Arguments arguments) {
        long decrement = arguments.integer(2);
        if (decrement == Long.MIN_VALUE) {
            throw new CommandException("ERR decrement would overflow");
        }
        return new IncrBy(arguments.key(1), -decrement);
    }

    @Override
    public Frame execute(CommandContext context) {
        try {
            return Frame.integer(context.db().incrementBy(key, delta));
        } catch (NumberFormatException notAnInteger) {
            return CommandException.notAnInteger().reply();
        } catch (ArithmeticException overflow) {
            return Frame.error("ERR increment or decrement would overflow");
        }
    }
}
