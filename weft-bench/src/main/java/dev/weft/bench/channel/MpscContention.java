package dev.weft.bench.channel;

import dev.weft.bench.Blocking;
import dev.weft.bench.peer.Peer;
import dev.weft.sync.Mpsc;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Supplier;

/**
 * Tokio's {@code contention_bounded}, {@code contention_bounded_full} and {@code contention_unbounded}:
 * five tasks send 1 000 items each into one channel while the root task receives all 5 000. The JDK's
 * side uses the blocking queue that fits the capacity (see {@link #all()}).
 */
final class MpscContention implements ChannelWorkload {

    private static final int PRODUCERS = 5;
    private static final int ITEMS = 1_000;
    private static final int UNBOUNDED = 0;

    private final String name;
    private final int capacity;
    private final String jdkQueue;
    private final Supplier<BlockingQueue<Integer>> jdk;

    private MpscContention(String name, int capacity, String jdkQueue, Supplier<BlockingQueue<Integer>> jdk) {
        this.name = name;
        this.capacity = capacity;
        this.jdkQueue = jdkQueue;
        this.jdk = jdk;
    }

    /**
     * The three workloads: capacity 1 000 000 against a {@code LinkedBlockingQueue} of that capacity
     * (allocated as it fills, like Weft's channel; an {@code ArrayBlockingQueue} would allocate its 4 MB
     * array on every run), capacity 100 against an {@code ArrayBlockingQueue}, and unbounded against an
     * unbounded {@code LinkedBlockingQueue}.
     */
    static List<ChannelWorkload> all() {
        return List.of(
                new MpscContention("contention_bounded", 1_000_000, "LinkedBlockingQueue(1 000 000)",
                        () -> new LinkedBlockingQueue<>(1_000_000)),
                new MpscContention("contention_bounded_full", 100, "ArrayBlockingQueue(100)",
                        () -> new ArrayBlockingQueue<>(100)),
                new MpscContention("contention_unbounded", UNBOUNDED, "LinkedBlockingQueue()",
                        LinkedBlockingQueue::new));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String legend() {
        return "5 producers x 1 000 into " + (capacity == UNBOUNDED ? "an unbounded channel" : "capacity "
                + String.format(Locale.ROOT, "%,d", capacity)) + "; JDK: " + jdkQueue;
    }

    @Override
    public void runWeft(Peer peer) {
        Mpsc.Channel<Integer> channel = capacity == UNBOUNDED ? Mpsc.unbounded() : Mpsc.bounded(capacity);
        for (int p = 0; p < PRODUCERS; p++) {
            Mpsc.Sender<Integer> sender = channel.sender().newSender();
            peer.spawn(() -> {
                try (sender) {
                    for (int i = 0; i < ITEMS; i++) {
                        sender.send(i).await();
                    }
                }
            });
        }
        channel.sender().close();
        for (int i = 0; i < PRODUCERS * ITEMS; i++) {
            channel.receiver().receive().await();
        }
    }

    @Override
    public void runJdk(Peer peer) {
        BlockingQueue<Integer> queue = jdk.get();
        for (int p = 0; p < PRODUCERS; p++) {
            peer.spawn(() -> {
                for (int i = 0; i < ITEMS; i++) {
                    Blocking.put(queue, i);
                }
            });
        }
        for (int i = 0; i < PRODUCERS * ITEMS; i++) {
            Blocking.take(queue);
        }
    }
}
