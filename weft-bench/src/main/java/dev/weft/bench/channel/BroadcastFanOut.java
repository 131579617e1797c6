package dev.weft.bench.channel;

import dev.weft.bench.Blocking;
import dev.weft.bench.peer.Peer;
import dev.weft.sync.Broadcast;
import dev.weft.sync.Oneshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Tokio's {@code contention} benchmark of {@code benches/sync_broadcast.rs}: {@code subscribers} tasks
 * each receive every one of 100 messages; the root task sends a message, waits until every subscriber
 * has received it (the last one to do so signals the root), and sends the next. Only the 100 messages
 * are timed; the subscribers are started before and stopped after. Tokio's subscribers also format a
 * string per message, which this leaves out: the work is the same on every peer and would only dilute
 * the difference. Weft: a {@link Broadcast} channel, a {@link Oneshot} per message for the signal. JDK
 * (which has no broadcast channel): a {@code LinkedBlockingQueue} per subscriber, the root putting each
 * message into every queue, a {@code CountDownLatch} per message for the signal.
 */
final class BroadcastFanOut implements ChannelWorkload {

    private static final int MESSAGES = 100;

    private final int subscribers;

    BroadcastFanOut(int subscribers) {
        this.subscribers = subscribers;
    }

    static List<ChannelWorkload> all() {
        return List.of(new BroadcastFanOut(10), new BroadcastFanOut(100), new BroadcastFanOut(500),
                new BroadcastFanOut(1_000));
    }

    @Override
    public String name() {
        return "broadcast_" + subscribers;
    }

    @Override
    public String legend() {
        return subscribers + " subscribers x 100 messages, each awaited by all; JDK: a LinkedBlockingQueue per "
                + "subscriber";
    }

    @Override
    public double microsToRun(Peer peer) {
        long[] elapsed = new long[1];
        peer.blockOn(() -> elapsed[0] = peer.kind().isWeft() ? weftNanos(peer) : jdkNanos(peer));
        return elapsed[0] / 1e3;
    }

    @Override
    public void runWeft(Peer peer) {
        weftNanos(peer);
    }

    @Override
    public void runJdk(Peer peer) {
        jdkNanos(peer);
    }

    /** A message: the subscribers count down, and the last one signals the root. */
    private record Round<S>(AtomicInteger remaining, S signal) {
    }

    private long weftNanos(Peer peer) {
        Broadcast.Channel<Round<Oneshot.Sender<Void>>> channel = Broadcast.create(16);
        for (int s = 0; s < subscribers; s++) {
            Broadcast.Receiver<Round<Oneshot.Sender<Void>>> receiver = channel.sender().subscribe();
            peer.spawn(() -> {
                try (receiver) {
                    Optional<Round<Oneshot.Sender<Void>>> round;
                    while ((round = receiver.receive().await()).isPresent()) {
                        if (round.get().remaining().decrementAndGet() == 0) {
                            round.get().signal().send(null);
                        }
                    }
                }
            });
        }
        channel.receiver().close();
        long start = System.nanoTime();
        for (int m = 0; m < MESSAGES; m++) {
            Oneshot.Channel<Void> done = Oneshot.create();
            channel.sender().send(new Round<>(new AtomicInteger(subscribers), done.sender()));
            done.receiver().receive().await();
        }
        long elapsed = System.nanoTime() - start;
        channel.sender().close();
        return elapsed;
    }

    private long jdkNanos(Peer peer) {
        List<BlockingQueue<Round<CountDownLatch>>> queues = new ArrayList<>();
        Round<CountDownLatch> stop = new Round<>(new AtomicInteger(), new CountDownLatch(0));
        for (int s = 0; s < subscribers; s++) {
            BlockingQueue<Round<CountDownLatch>> queue = new LinkedBlockingQueue<>();
            queues.add(queue);
            peer.spawn(() -> {
                Round<CountDownLatch> round;
                while ((round = Blocking.take(queue)) != stop) {
                    if (round.remaining().decrementAndGet() == 0) {
                        round.signal().countDown();
                    }
                }
            });
        }
        long start = System.nanoTime();
        for (int m = 0; m < MESSAGES; m++) {
            Round<CountDownLatch> round = new Round<>(new AtomicInteger(subscribers), new CountDownLatch(1));
            for (BlockingQueue<Round<CountDownLatch>> queue : queues) {
                Blocking.put(queue, round);
            }
            Blocking.await(round.signal());
        }
        long elapsed = System.nanoTime() - start;
        for (BlockingQueue<Round<CountDownLatch>> queue : queues) {
            Blocking.put(queue, stop);
        }
        return elapsed;
    }
}
