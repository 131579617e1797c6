package dev.weft.miniredis.db;

import dev.weft.Async;
import dev.weft.Weft;
import dev.weft.task.CancelledException;
import dev.weft.task.JoinHandle;
import dev.weft.time.Moment;
import dev.weft.time.Time;

/**
 * The background task that removes expired keys nobody reads (Redis's active expiry): it sleeps until
 * the earliest deadline of the {@link Db}, removes the keys that are due, and sleeps again; a write that
 * schedules an earlier deadline wakes it early. Without it, expired keys still never show, but their
 * memory is kept until they are touched.
 *
 * {@snippet :
 * Db db = new Db(new ExpiryClock());
 * try (ExpiryPurger purger = ExpiryPurger.start(db)) {
 *     db.set(Key.of("session"), value, SetCondition.ALWAYS, false, db.clock().nowMillis() + 60_000);
 *     // ... a minute later the key is gone, read or not
 * }
 * }
 *
 * <h2>Cancellation</h2>
 * {@link #close()} aborts the task; it stops at its next await point, between two batches of removals,
 * so the keyspace is consistent whenever it stops and nothing is lost (expired keys left behind are
 * removed lazily). {@link #stop()} does the same and waits for the task to end.
 */
public final class ExpiryPurger implements AutoCloseable {

    /*
     * Implementation notes.
     *
     * Tokio's mini-redis (db.rs, purge_expired_tasks) sleeps until the next deadline and is woken early
     * by a Notify. Here the sleep is a child task (`sleeper`) that the waker aborts: Weft's sleeps are
     * cancellable, and aborting a task is a flag and an unpark. The waker runs on the writing task after
     * Db's lock is released; it sets `woken` then reads `sleeper`, while this task publishes `sleeper`
     * then reads `woken`: both fields are volatile, so one of the two sees the other and a wake between
     * arming and sleeping is never lost. A CancelledException from the sleeper after a wake is the wake;
     * the yield that follows is an await point, so if this task was cancelled as well it stops there.
     *
     * Removal goes in batches of BATCH keys per hold of Db's lock, yielding between batches, so a burst of
     * expiries does not hold up the connections (Redis bounds its active expiry cycle in time likewise).
     * Deadlines are in milliseconds and a key expires once the clock is past its deadline, so the sleep
     * ends at deadline + 1 ms.
     */

    private static final int BATCH = 256;

    private final Db db;
    private volatile boolean woken;
    private volatile JoinHandle<Void> sleeper;
    private final JoinHandle<Void> task;

    private ExpiryPurger(Db db) {
        this.db = db;
        this.task = Weft.spawn("mini-redis expiry purger", Async.run(this::purgeForever));
    }

    /**
     * Starts purging {@code db} in a new task of the calling task's runtime.
     *
     * @throws IllegalStateException if called outside a Weft runtime
     */
    public static ExpiryPurger start(Db db) {
        return new ExpiryPurger(db);
    }

    /** Aborts the purge task and returns at once; it stops at its next await point. Idempotent. */
    @Override
    public void close() {
        task.abort();
    }

    /**
     * An operation that aborts the purge task and waits until it has stopped.
     *
     * <h4>Cancellation</h4>
     * Cancel-safe: cancelling the wait leaves the task aborted, stopping on its own.
     */
    public Async<Void> stop() {
        return Async.run(() -> {
            task.abort();
            try {
                task.await();
            } catch (CancelledException expected) {
                if (!task.isFinished()) {
                    throw expected;
                }
            }
        });
    }

    private void purgeForever() {
        try {
            while (true) {
                while (db.purgeExpired(BATCH) == BATCH) {
                    Weft.yieldNow().await();
                }
                woken = false;
                long next = db.armPurgeWakeup(this::wake);
                sleepUntilWoken(wakeUpFor(next));
            }
        } finally {
            db.disarmPurgeWakeup();
        }
    }

    private Moment wakeUpFor(long deadline) {
        boolean never = deadline == Db.NO_DEADLINE || deadline == Long.MAX_VALUE;
        return db.clock().momentOf(never ? Long.MAX_VALUE : deadline + 1);
    }

    private void sleepUntilWoken(Moment wakeUp) {
        JoinHandle<Void> sleep = Weft.spawn(Time.sleepUntil(wakeUp));
        sleeper = sleep;
        if (woken) {
            sleep.abort();
        }
        try {
            sleep.await();
        } catch (CancelledException cancelled) {
            if (!woken) {
                throw cancelled;
            }
            Weft.yieldNow().await();
        } finally {
            sleeper = null;
            sleep.abort();
        }
    }

    private void wake() {
        woken = true;
        JoinHandle<Void> sleep = sleeper;
        if (sleep != null) {
            sleep.abort();
        }
    }
}
