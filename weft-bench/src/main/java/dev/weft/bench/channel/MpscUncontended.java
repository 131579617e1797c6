package dev.weft.bench.channel;

import dev.weft.bench.Blocking;
import dev.weft.bench.peer.Peer;
import dev.weft.sync.Mpsc;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Tokio's {@code uncontented_bounded}: one task sends 5 000 items into a channel of capacity 1 000 000,
 * then receives them all; nothing ever waits. JDK: a {@code LinkedBlockingQueue(1 000 000)}.
 */
final class MpscUncontended implements ChannelWorkload {

    private static final int ITEMS = 5_000;
    private static final int CAPACITY = 1_000_000;

    @Override
    public String name() {
        return "uncontended_bounded";
    }

    @Override
    public String legend() {
        return "one task: 5 000 sends, then 5 000 receives, capacity 1 000 000; JDK: LinkedBlockingQueue(1 000 000)";
    }

    @Override
    public void runWeft(Peer peer) {
        Mpsc.Channel<Integer> channel = Mpsc.bounded(CAPACITY);
        for (int i = 0; i < ITEMS; i++) {
            channel.sender().send(i).await();
        }
        for (int i = 0; i < ITEMS; i++) {
            channel.receiver().receive().await();
        }
    }

    @Override
    public void runJdk(Peer peer) {
        BlockingQueue<Integer> queue = new LinkedBlockingQueue<>(CAPACITY);
        for (int i = 0; i < ITEMS; i++) {
            Blocking.put(queue, i);
        }
        for (int i = 0; i < ITEMS; i++) {
            Blocking.take(queue);
        }
    }
}
