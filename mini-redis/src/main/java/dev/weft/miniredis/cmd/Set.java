package dev.weft.miniredis.cmd;

import dev.weft.miniredis.db.Db;
import dev.weft.miniredis.db.Key;
import dev.weft.miniredis.db.SetCondition;
import dev.weft.miniredis.frame.Frame;

/**
 * {@code SET key value [NX | XX] [GET] [EX seconds | PX milliseconds | EXAT unix-seconds |
 * PXAT unix-milliseconds | KEEPTTL]}, with Redis 7's rules: options in any order and case, repeatable,
 * but NX with XX, or two different expiry options, or KEEPTTL with one, are {@code ERR syntax error};
 * an expiry that is not an integer is {@code ERR value is not an integer or out of range} (so is
 * {@code EX 18446744073709551615}); one that is not positive, or overflows once made absolute, is
 * {@code ERR invalid expire time in 'set' command}. Replies {@code +OK}, or the null bulk string when NX or
 * XX prevented the write; with GET, the previous value (or null) instead.
 *
 * @param key           the key
 * @param value         the value
 * @param condition     NX, XX or always
 * @param keepTtl       KEEPTTL
 * @param returnOld     GET
 * @param expireMillis  the expiry in milliseconds (relative for EX and PX), or {@link Db#NO_DEADLINE}
 * @param relative      true for EX and PX
 */
public record Set(Key key, byte[] value, SetCondition condition, boolean keepTtl, boolean returnOld,
                  long expireMillis, boolean relative) implements ImmediateCommand {

    private static final int EX = 1;
    private static final int PX = 2;
    private static final int EXAT = 4;
    private static final int PXAT = 8;
    private static final int KEEPTTL = 16;

    static Set parse(Arguments arguments) {
        SetCondition condition = SetCondition.ALWAYS;
        boolean returnOld = false;
        int expiry = 0;
        int expiryIndex = -1;
        for (int i = 3; i < arguments.count(); i++) {
            boolean hasNext = i + 1 < arguments.count();
            if (arguments.is(i, "nx") && condition != SetCondition.XX) {
                condition = SetCondition.NX;
            } else if (arguments.is(i, "xx") && condition != SetCondition.NX) {
                condition = SetCondition.XX;
            } else if (arguments.is(i, "get")) {
                returnOld = true;
            } else if (arguments.is(i, "keepttl") && (expiry & ~KEEPTTL) == 0) {
                expiry = KEEPTTL;
            } else if (hasNext && expiryOption(arguments, i) != 0 && (expiry & ~expiryOption(arguments, i)) == 0) {
                expiry = expiryOption(arguments, i);
                expiryIndex = ++i;
            } else {
                throw CommandException.syntaxError();
            }
        }
        long expireMillis = Db.NO_DEADLINE;
        if (expiryIndex >= 0) {
            long amount = arguments.integer(expiryIndex);
            if (amount <= 0) {
                throw CommandException.invalidExpireTime("set");
            }
            expireMillis = ExpireTimes.toMillis(amount, expiry == EX || expiry == EXAT, "set");
        }
        return new Set(arguments.key(1), arguments.bytes(2), condition, expiry == KEEPTTL, returnOld,
                expireMillis, expiry == EX || expiry == PX);
    }

    private static int expiryOption(Arguments arguments, int index) {
        if (arguments.is(index, "ex")) {
            return EX;
        }
        if (arguments.is(index, "px")) {
            return PX;
        }
        if (arguments.is(index, "exat")) {
            return EXAT;
        }
        return arguments.is(index, "pxat") ? PXAT : 0;
    }

    @Override
    public Frame execute(CommandContext context) {
        long deadline = expireMillis;
        if (relative) {
            try {
                deadline = ExpireTimes.after(context.db().clock().nowMillis(), expireMillis, "set");
            } catch (CommandException overflow) {
                return overflow.reply();
            }
        }
        byte[] previous = context.db().set(key, value, condition, keepTtl, deadline);
        if (returnOld) {
            return previous == null ? Frame.NULL_BULK : Frame.bulk(previous);
        }
        boolean written = condition == SetCondition.ALWAYS || (condition == SetCondition.NX) == (previous == null);
        return written ? Frame.OK : Frame.NULL_BULK;
    }
}
