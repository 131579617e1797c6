package dev.weft.miniredis.cmd;

import dev.weft.miniredis.db.ExpireCondition;
import dev.weft.miniredis.db.Key;
import dev.weft.miniredis.frame.Frame;

/**
 * {@code EXPIRE key seconds [NX | XX | GT | LT]} and {@code PEXPIRE key milliseconds [...]}: gives the key
 * a deadline that far from now; {@code :1} if the key exists and the option allowed it, else {@code :0}.
 * A time not in the future deletes the key (and replies {@code :1}), as in Redis. Errors, in Redis's
 * order: {@code ERR Unsupported option X}, {@code ERR NX and XX, GT or LT options at the same time are not
 * compatible}, {@code ERR GT and LT options at the same time are not compatible}, then the integer, then
 * {@code ERR invalid expire time in 'expire' command} when the time overflows.
 *
 * @param key       the key
 * @param millis    the relative time in milliseconds
 * @param condition the option
 * @param command   {@code expire} or {@code pexpire}, for the error message
 */
public record Expire(Key key, long millis, ExpireCondition condition, String command) implements ImmediateCommand {

    static Expire parseExpire(Arguments arguments) {
        return parse(arguments, "expire", true);
    }

    static Expire parsePexpire(Arguments arguments) {
        return parse(arguments, "pexpire", false);
    }

    private static Expire parse(Arguments arguments, String command, boolean seconds) {
        boolean nx = false;
        boolean xx = false;
        boolean gt = false;
        boolean lt = false;
        for (int i = 3; i < arguments.count(); i++) {
            if (arguments.is(i, "nx")) {
                nx = true;
            } else if (arguments.is(i, "xx")) {
                xx = true;
            } else if (arguments.is(i, "gt")) {
                gt = true;
            } else if (arguments.is(i, "lt")) {
                lt = true;
            } else {
                throw new CommandException("ERR Unsupported option " + cString(arguments.text(i)));
            }
        }
        if (nx && (xx || gt || lt)) {
            throw new CommandException("ERR NX and XX, GT or LT options at the same time are not compatible");
        }
        if (gt && lt) {
            throw new CommandException("ERR GT and LT options at the same time are not compatible");
        }
        long millis = ExpireTimes.toMillis(arguments.integer(2), seconds, command);
        // GT already refuses keys without a deadline, so XX adds nothing to it; it does to LT.
        ExpireCondition condition = nx ? ExpireCondition.NX : gt ? ExpireCondition.GT
                : lt ? (xx ? ExpireCondition.XX_LT : ExpireCondition.LT) : xx ? ExpireCondition.XX : ExpireCondition.ALWAYS;
        return new Expire(arguments.key(1), millis, condition, command);
    }

    /** What C's %s prints of a string: up to its first NUL. */
    private static String cString(String text) {
        int nul = text.indexOf('\0');
        return nul < 0 ? text : text.substring(0, nul);
    }

    @Override
    public Frame execute(CommandContext context) {
        long deadline;
        try {
            deadline = ExpireTimes.after(context.db().clock().nowMillis(), millis, command);
        } catch (CommandException overflow) {
            return overflow.reply();
        }
        return Frame.integer(context.db().expire(key, deadline, condition) ? 1 : 0);
    }
}
