package dev.weft.bench.sync;

import dev.weft.Async;
import dev.weft.bench.Blocking;
import dev.weft.bench.peer.Peer;
import dev.weft.sync.Notify;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * Tokio's {@code notify_waiters} ({@code benches/sync_notify.rs}): {@code waiters} tasks wait on one
 * notify, and each {@code notify_waiters} wakes them all, until they have counted 500 wake-ups. Tokio's
 * root calls {@code notify_waiters} in a busy loop from a thread outside the runtime; here it goes in
 * rounds instead, so every call wakes every waiter: the root starts a round (a round number the waiters
 * check, then the notification), and the last waiter to see it signals the root, which starts the next;
 * 500 / {@code waiters} rounds, rounded up. Only the rounds are timed; the waiters are started (and have
 * all run once) before and stopped after. The count is the wake-ups.
 *
 * <p>Weft: {@link Notify#notifyWaiters()}, waiters following its documented idiom ({@code notified()},
 * check the round, await), and a second {@code Notify} for the signal back. JDK, which has no notify: the
 * condition-variable idiom ({@link Monitor}): the round under a {@code ReentrantLock} (fair or not), whose
 * {@code Condition.signalAll()} wakes the waiters, and a second condition for the signal back; each woken
 * waiter takes the lock in turn.
 */
final class NotifyWaitersRounds implements PrimitiveWorkload {

    private static final int WAKEUPS = 500;
    private static final long STOP = -1;

    private final int waiters;
    private final int rounds;

    private NotifyWaitersRounds(int waiters) {
        this.waiters = waiters;
        this.rounds = Math.ceilDiv(WAKEUPS, waiters);
    }

    static List<PrimitiveWorkload> all() {
        return IntStream.of(10, 50, 100, 200, 500).<PrimitiveWorkload>mapToObj(NotifyWaitersRounds::new).toList();
    }

    @Override
    public String name() {
        return "notify_waiters_" + waiters;
    }

    @Override
    public String legend() {
        return waiters + " waiters x " + rounds + " notify_waiters, each awaited by all; "
                + "JDK: ReentrantLock + Condition.signalAll";
    }

    @Override
    public long expectedCount() {
        return (long) waiters * rounds;
    }

    @Override
    public Run runWeft(Peer peer) {
        Notify started = new Notify();
        Notify finished = new Notify();
        AtomicLong round = new AtomicLong();
        AtomicInteger done = new AtomicInteger();
        List<Peer.Join> joins = PrimitiveWorkload.spawn(peer, waiters, waiter -> {
            long seen = 0;
            while (true) {
                if (done.incrementAndGet() == waiters) {
                    finished.notifyOne();
                }
                Async<Void> wakeUp = started.notified();
                while (round.get() == seen) {
                    wakeUp.await();
                    wakeUp = started.notified();
                }
                seen = round.get();
                if (seen == STOP) {
                    return;
                }
            }
        });
        finished.notified().await();
        Run run = Run.timed(() -> {
            long wakeUps = 0;
            for (int r = 1; r <= rounds; r++) {
                done.set(0);
                round.set(r);
                started.notifyWaiters();
                finished.notified().await();
                wakeUps += done.get();
            }
            return wakeUps;
        });
        round.set(STOP);
        started.notifyWaiters();
        PrimitiveWorkload.joinAll(joins);
        return run;
    }

    /** The JDK side's state, guarded by the monitor's lock. */
    private static final class Rounds extends Monitor {

        long round;
        int done;

        Rounds(boolean fair) {
            super(fair);
        }
    }

    @Override
    public Run runJdk(Peer peer, boolean fair) {
        Rounds state = new Rounds(fair);
        List<Peer.Join> joins = PrimitiveWorkload.spawn(peer, waiters, waiter -> state.locked(() -> {
            long seen = 0;
            while (true) {
                if (++state.done == waiters) {
                    state.finished.signal();
                }
                while (state.round == seen) {
                    Blocking.await(state.wakeUp);
                }
                seen = state.round;
                if (seen == STOP) {
                    return;
                }
            }
        }));
        Run run = state.root(() -> state.done == waiters, () -> {
            long wakeUps = 0;
            for (int r = 1; r <= rounds; r++) {
                state.done = 0;
                state.round = r;
                state.wakeUp.signalAll();
                while (state.done < waiters) {
                    Blocking.await(state.finished);
                }
                wakeUps += state.done;
            }
            return wakeUps;
        }, () -> state.round = STOP);
        PrimitiveWorkload.joinAll(joins);
        return run;
    }
}
