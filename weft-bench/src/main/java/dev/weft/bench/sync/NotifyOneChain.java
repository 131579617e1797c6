package dev.weft.bench.sync;

import dev.weft.Async;
import dev.weft.bench.Blocking;
import dev.weft.bench.peer.Peer;
import dev.weft.sync.Notify;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * Tokio's {@code notify_one} ({@code benches/sync_notify.rs}): {@code waiters} tasks wait on one notify,
 * and 500 notifications each wake one of them. Tokio's root calls {@code notify_one} in a busy loop until
 * the waiters have counted 500 wake-ups, which needs a thread outside the runtime; here the notifications
 * form a chain instead, so that exactly 500 are sent and none coalesce: the root notifies once, and each
 * woken waiter counts the wake-up and notifies the next waiter (the oldest one waiting), until the 500th
 * signals the root. Only the chain is timed; the waiters are started (and have all run once) before and
 * stopped after. The count is the wake-ups.
 *
 * <p>Weft: {@link Notify#notifyOne()}, which hands the notification to the oldest waiter. JDK, which has
 * no notify: the condition-variable idiom ({@link Monitor}), a baton under a {@code ReentrantLock} (fair or
 * not) that the notifier sets and {@code Condition.signal()}s, which wakes the longest-waiting thread; a
 * waiter never takes the baton it passed itself, as a task that calls {@code notifyOne} is not among
 * Weft's waiters.
 */
final class NotifyOneChain implements PrimitiveWorkload {

    private static final int WAKEUPS = 500;
    private static final int ROOT = -1;
    private static final int NOBODY = -2;

    private final int waiters;

    private NotifyOneChain(int waiters) {
        this.waiters = waiters;
    }

    static List<PrimitiveWorkload> all() {
        return IntStream.of(10, 50, 100, 200, 500).<PrimitiveWorkload>mapToObj(NotifyOneChain::new).toList();
    }

    @Override
    public String name() {
        return "notify_one_" + waiters;
    }

    @Override
    public String legend() {
        return waiters + " waiters, a chain of 500 notify_one, each woken waiter notifying the next; "
                + "JDK: ReentrantLock + Condition.signal";
    }

    @Override
    public long expectedCount() {
        return WAKEUPS;
    }

    @Override
    public Run runWeft(Peer peer) {
        Notify baton = new Notify();
        Notify finished = new Notify();
        AtomicInteger ready = new AtomicInteger();
        AtomicInteger woken = new AtomicInteger();
        AtomicBoolean stopped = new AtomicBoolean();
        List<Peer.Join> joins = PrimitiveWorkload.spawn(peer, waiters, waiter -> {
            if (ready.incrementAndGet() == waiters) {
                finished.notifyOne();
            }
            while (true) {
                Async<Void> wakeUp = baton.notified();
                if (stopped.get()) {
                    return;
                }
                wakeUp.await();
                if (stopped.get()) {
                    return;
                }
                if (woken.incrementAndGet() == WAKEUPS) {
                    finished.notifyOne();
                } else {
                    baton.notifyOne();
                }
            }
        });
        finished.notified().await();
        Run run = Run.timed(() -> {
            baton.notifyOne();
            finished.notified().await();
            return woken.get();
        });
        stopped.set(true);
        baton.notifyWaiters();
        PrimitiveWorkload.joinAll(joins);
        return run;
    }

    /** The JDK side's state, guarded by the monitor's lock. */
    private static final class Chain extends Monitor {

        int ready;
        int woken;
        int passedBy = NOBODY;
        boolean stopped;

        Chain(boolean fair) {
            super(fair);
        }
    }

    @Override
    public Run runJdk(Peer peer, boolean fair) {
        Chain chain = new Chain(fair);
        List<Peer.Join> joins = PrimitiveWorkload.spawn(peer, waiters, waiter -> chain.locked(() -> {
            if (++chain.ready == waiters) {
                chain.finished.signal();
            }
            while (true) {
                while (!chain.stopped && (chain.passedBy == NOBODY || chain.passedBy == waiter)) {
                    Blocking.await(chain.wakeUp);
                }
                if (chain.stopped) {
                    return;
                }
                chain.passedBy = NOBODY;
                if (++chain.woken == WAKEUPS) {
                    chain.finished.signal();
                } else {
                    chain.passedBy = waiter;
                    chain.wakeUp.signal();
                }
            }
        }));
        Run run = chain.root(() -> chain.ready == waiters, () -> {
            chain.passedBy = ROOT;
            chain.wakeUp.signal();
            while (chain.woken < WAKEUPS) {
                Blocking.await(chain.finished);
            }
            return chain.woken;
        }, () -> chain.stopped = true);
        PrimitiveWorkload.joinAll(joins);
        return run;
    }
}
