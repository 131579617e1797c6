package dev.weft.bench.workload;

import dev.weft.bench.peer.Peer;

import java.util.concurrent.CountDownLatch;

/**
 * Tokio's {@code ping_pong}: a task spawns 1 000 tasks; each spawns a partner, sends it a ping and waits
 * for its pong, then counts itself down on a shared {@link Countdown} whose last arrival wakes the root.
 * Tokio's one-shot channels of {@code ()} are {@code CountDownLatch(1)}s here (Weft has no channels yet):
 * {@code countDown} is the send, {@code await} the receive, the same primitive on every peer.
 */
final class PingPong implements Workload {

    private static final int ROUND_TRIPS = 1_000;

    @Override
    public void runOnce(Peer peer) {
        Countdown finished = new Countdown(ROUND_TRIPS);
        Runnable roundTrip = () -> {
            CountDownLatch ping = new CountDownLatch(1);
            CountDownLatch pong = new CountDownLatch(1);
            peer.spawn(() -> {
                Latches.await(ping);
                pong.countDown();
            });
            ping.countDown();
            Latches.await(pong);
            finished.arrive();
        };
        peer.blockOn(() -> {
            peer.spawn(() -> {
                for (int i = 0; i < ROUND_TRIPS; i++) {
                    peer.spawn(roundTrip);
                }
            });
            finished.await();
        });
    }
}
