package dev.weft.bench.channel;

import dev.weft.bench.Blocking;
import dev.weft.bench.peer.Peer;
import dev.weft.sync.Mpsc;
import dev.weft.sync.Oneshot;

import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.SynchronousQueue;

/**
 * Tokio's {@code request_reply} ({@code benches/sync_mpsc_oneshot.rs}): a server task receives requests
 * from a channel of capacity 10, each carrying the sending end of a one-shot reply channel, and answers
 * each; the root task makes 1 000 requests one after another, awaiting each reply. JDK: an
 * {@code ArrayBlockingQueue(10)} of {@code SynchronousQueue}s.
 */
final class RequestReply implements ChannelWorkload {

    private static final int ROUND_TRIPS = 1_000;
    private static final SynchronousQueue<Integer> STOP = new SynchronousQueue<>();

    @Override
    public String name() {
        return "request_reply";
    }

    @Override
    public String legend() {
        return "1 000 round trips: Mpsc(10) of Oneshot senders; JDK: ArrayBlockingQueue(10) of SynchronousQueues";
    }

    @Override
    public void runWeft(Peer peer) {
        Mpsc.Channel<Oneshot.Sender<Integer>> requests = Mpsc.bounded(10);
        peer.spawn(() -> {
            Optional<Oneshot.Sender<Integer>> request;
            while ((request = requests.receiver().receive().await()).isPresent()) {
                request.get().send(1);
            }
        });
        try (Mpsc.Sender<Oneshot.Sender<Integer>> sender = requests.sender()) {
            for (int i = 0; i < ROUND_TRIPS; i++) {
                Oneshot.Channel<Integer> reply = Oneshot.create();
                sender.send(reply.sender()).await();
                reply.receiver().receive().await();
            }
        }
    }

    @Override
    public void runJdk(Peer peer) {
        BlockingQueue<SynchronousQueue<Integer>> requests = new ArrayBlockingQueue<>(10);
        peer.spawn(() -> {
            SynchronousQueue<Integer> reply;
            while ((reply = Blocking.take(requests)) != STOP) {
                Blocking.put(reply, 1);
            }
        });
        for (int i = 0; i < ROUND_TRIPS; i++) {
            SynchronousQueue<Integer> reply = new SynchronousQueue<>();
            Blocking.put(requests, reply);
            Blocking.take(reply);
        }
        Blocking.put(requests, STOP);
    }
}
