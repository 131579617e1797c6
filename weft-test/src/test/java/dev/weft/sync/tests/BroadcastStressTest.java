package dev.weft.sync.tests;

import dev.weft.Async;
import dev.weft.Weft;
import dev.weft.sync.Broadcast;
import dev.weft.sync.ChannelClosedException;
import dev.weft.sync.Lagged;
import dev.weft.sync.Watch;
import dev.weft.task.JoinHandle;
import dev.weft.test.EveryFlavor;
import dev.weft.test.RuntimeFlavor;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bounded stress of the fan-out channels. Broadcast: 4 senders x 5 000 values through a ring of 64 to 16
 * receivers, fast and slow; every receiver must account for every value, received or reported by
 * {@link Lagged}, and see each sender's values in order. Watch: 8 receivers follow 10 000 updates and must
 * see the last one and then the close. A lost wake-up hangs the test until its timeout.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BroadcastStressTest {

    private static final int SENDERS = 4;
    private static final int VALUES = 5_000;
    private static final int RECEIVERS = 16;

    @EveryFlavor
    void everyReceiver_accountsForEveryValue_receivedOrSkipped(RuntimeFlavor flavor) {
        long[][] outcome = flavor.run(() -> {
            Broadcast.Channel<Long> channel = Broadcast.create(64);
            List<JoinHandle<long[]>> receivers = new ArrayList<>();
            for (int r = 0; r < RECEIVERS; r++) {
                receivers.add(Weft.spawn(follow(channel.sender().subscribe(), r % 2 == 0)));
            }
            channel.receiver().close();
            List<JoinHandle<Void>> senders = new ArrayList<>();
            for (int s = 0; s < SENDERS; s++) {
                Broadcast.Sender<Long> sender = channel.sender().newSender();
                long id = s;
                senders.add(Weft.spawn(Async.run(() -> {
                    try (sender) {
                        for (long i = 0; i < VALUES; i++) {
                            sender.send(id << 32 | i);
                            if (i % 64 == 0) {
                                Weft.yieldNow().await();
                            }
                        }
                    }
                })));
            }
            channel.sender().close();
            for (JoinHandle<Void> sender : senders) {
                sender.await();
            }
            long[][] counts = new long[RECEIVERS][];
            for (int r = 0; r < RECEIVERS; r++) {
                counts[r] = receivers.get(r).await();
            }
            return counts;
        });

        for (long[] counts : outcome) {
            assertThat(counts[0] + counts[1]).as("received %d + skipped %d", counts[0], counts[1])
                    .isEqualTo((long) SENDERS * VALUES);
        }
    }

    /** Receives to the end; returns {received, skipped}; checks each sender's order on the way. */
    private static Async<long[]> follow(Broadcast.Receiver<Long> receiver, boolean slow) {
        return Async.of(() -> {
            long[] last = new long[SENDERS];
            java.util.Arrays.fill(last, -1);
            long received = 0;
            long skipped = 0;
            while (true) {
                Optional<Long> value;
                try {
                    value = receiver.receive().await();
                } catch (Lagged lagged) {
                    skipped += lagged.skipped();
                    continue;
                }
                if (value.isEmpty()) {
                    return new long[] {received, skipped};
                }
                int sender = (int) (value.get() >>> 32);
                long sequence = value.get() & 0xFFFF_FFFFL;
                assertThat(sequence).as("sender %d", sender).isGreaterThan(last[sender]);
                last[sender] = sequence;
                received++;
                if (slow && received % 16 == 0) {
                    Weft.yieldNow().await();
                }
            }
        });
    }

    @EveryFlavor
    void watchReceivers_followEveryUpdateToTheLast(RuntimeFlavor flavor) {
        int updates = 10_000;
        List<Integer> lastSeen = flavor.run(() -> {
            Watch.Channel<Integer> channel = Watch.create(0);
            List<JoinHandle<Integer>> receivers = new ArrayList<>();
            for (int r = 0; r < 8; r++) {
                Watch.Receiver<Integer> receiver = channel.sender().subscribe();
                receivers.add(Weft.spawn(Async.of(() -> {
                    int previous = -1;
                    while (true) {
                        try {
                            receiver.changed().await();
                        } catch (ChannelClosedException closed) {
                            return previous;
                        }
                        int value = receiver.borrow();
                        assertThat(value).isGreaterThanOrEqualTo(previous);
                        previous = value;
                    }
                })));
            }
            for (int i = 1; i <= updates; i++) {
                channel.sender().send(i);
                if (i % 100 == 0) {
                    Weft.yieldNow().await();
                }
            }
            channel.sender().close();
            List<Integer> seen = new ArrayList<>();
            for (JoinHandle<Integer> receiver : receivers) {
                seen.add(receiver.await());
            }
            return seen;
        });

        assertThat(lastSeen).containsOnly(updates);
    }
}
