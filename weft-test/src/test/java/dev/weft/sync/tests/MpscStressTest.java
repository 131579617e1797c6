package dev.weft.sync.tests;

import dev.weft.Async;
import dev.weft.Weft;
import dev.weft.sync.ChannelClosedException;
import dev.weft.sync.Mpsc;
import dev.weft.sync.ReceiveResult;
import dev.weft.sync.SendResult;
import dev.weft.task.JoinHandle;
import dev.weft.test.EveryFlavor;
import dev.weft.test.RuntimeFlavor;
import dev.weft.time.Elapsed;
import dev.weft.time.Time;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bounded stress: 8 producers x 20 000 messages through small and unbounded channels, with every way of
 * sending and receiving mixed at random (seeded; the seed is in the failure message), including receives
 * cancelled by timeouts. Each producer's messages must arrive exactly once and in order, and the stream
 * must end: a lost wake-up would hang the test until its timeout, a lost or duplicated message breaks
 * the sequence check.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MpscStressTest {

    private static final int PRODUCERS = 8;
    private static final int MESSAGES = 20_000;

    @EveryFlavor
    void plainSendAndReceive_throughACapacityOf16_deliverEveryMessageOnceInOrder(RuntimeFlavor flavor) {
        run(flavor, Mpsc.bounded(16), 1, false);
    }

    @EveryFlavor
    void mixedOperations_throughACapacityOf4_deliverEveryMessageOnceInOrder(RuntimeFlavor flavor) {
        run(flavor, Mpsc.bounded(4), 2, true);
    }

    @EveryFlavor
    void mixedOperations_throughAnUnboundedChannel_deliverEveryMessageOnceInOrder(RuntimeFlavor flavor) {
        run(flavor, Mpsc.unbounded(), 3, true);
    }

    @EveryFlavor
    void closingTheReceiverMidStream_everyMessageWhoseSendSucceededIsReceived(RuntimeFlavor flavor) {
        Mpsc.Channel<Long> channel = Mpsc.bounded(8);
        long[][] outcome = flavor.run(() -> {
            List<JoinHandle<Long>> producers = new ArrayList<>();
            for (int p = 0; p < PRODUCERS; p++) {
                Mpsc.Sender<Long> sender = channel.sender().newSender();
                long producer = p;
                producers.add(Weft.spawn(Async.of(() -> {
                    try (sender) {
                        long sent = 0;
                        while (send(sender, producer << 32 | sent)) {
                            sent++;
                        }
                        return sent;
                    }
                })));
            }
            channel.sender().close();
            long[] received = new long[PRODUCERS];
            for (int i = 0; i < MESSAGES; i++) {
                count(received, channel.receiver().receive().await().orElseThrow());
            }
            channel.receiver().close();
            Optional<Long> message;
            while ((message = channel.receiver().receive().await()).isPresent()) {
                count(received, message.get());
            }
            long[] sent = new long[PRODUCERS];
            for (int p = 0; p < PRODUCERS; p++) {
                sent[p] = producers.get(p).await();
            }
            return new long[][] {sent, received};
        });

        assertThat(outcome[1]).isEqualTo(outcome[0]);
    }

    /** Sends {@code message}, without waiting if there is room; false if the receiver closed. */
    private static boolean send(Mpsc.Sender<Long> sender, long message) {
        SendResult<Long> now = sender.trySend(message);
        if (!(now instanceof SendResult.Full<Long>)) {
            return now.isSent();
        }
        try {
            sender.send(message).await();
            return true;
        } catch (ChannelClosedException closed) {
            return false;
        }
    }

    private static void count(long[] received, long message) {
        int producer = (int) (message >>> 32);
        assertThat(message & 0xFFFF_FFFFL).as("next message of producer %d", producer).isEqualTo(received[producer]);
        received[producer]++;
    }

    private static void run(RuntimeFlavor flavor, Mpsc.Channel<Long> channel, long seed, boolean mixed) {
        long[] next = flavor.run(() -> {
            List<JoinHandle<Void>> producers = new ArrayList<>();
            for (int p = 0; p < PRODUCERS; p++) {
                Mpsc.Sender<Long> sender = channel.sender().newSender();
                SplittableRandom random = new SplittableRandom(seed * 1_000 + p);
                long producer = p;
                producers.add(Weft.spawn(Async.run(() -> {
                    try (sender) {
                        for (long sequence = 0; sequence < MESSAGES; sequence++) {
                            send(sender, producer << 32 | sequence, mixed ? random.nextInt(4) : 0);
                        }
                    }
                })));
            }
            channel.sender().close();
            long[] expected = consume(channel.receiver(), new SplittableRandom(seed), mixed);
            for (JoinHandle<Void> producer : producers) {
                producer.await();
            }
            return expected;
        });

        for (int p = 0; p < PRODUCERS; p++) {
            assertThat(next[p]).as("messages of producer %d (seed %d)", p, seed).isEqualTo(MESSAGES);
        }
    }

    private static void send(Mpsc.Sender<Long> sender, long message, int way) {
        switch (way) {
            case 0 -> sender.send(message).await();
            case 1 -> {
                while (!sender.trySend(message).isSent()) {
                    Weft.yieldNow().await();
                }
            }
            case 2 -> sender.reserve().await().send(message);
            default -> {
                while (!(sender.send(message, Duration.ofMillis(1)).await() instanceof SendResult.Sent)) {
                    Weft.yieldNow().await();
                }
            }
        }
    }

    /** Receives until the end of the stream; returns, per producer, the next sequence number expected. */
    private static long[] consume(Mpsc.Receiver<Long> receiver, SplittableRandom random, boolean mixed) {
        long[] next = new long[PRODUCERS];
        List<Long> batch = new ArrayList<>();
        while (true) {
            batch.clear();
            int way = mixed ? random.nextInt(4) : 0;
            if (!receiveSome(receiver, way, batch)) {
                return next;
            }
            for (long message : batch) {
                int producer = (int) (message >>> 32);
                long sequence = message & 0xFFFF_FFFFL;
                if (sequence != next[producer]) {
                    throw new AssertionError("producer " + producer + ": expected message " + next[producer]
                            + " but got " + sequence);
                }
                next[producer]++;
            }
        }
    }

    /** Receives one or more messages into {@code batch}; false at the end of the stream. */
    private static boolean receiveSome(Mpsc.Receiver<Long> receiver, int way, List<Long> batch) {
        switch (way) {
            case 0 -> {
                Optional<Long> message = receiver.receive().await();
                message.ifPresent(batch::add);
                return message.isPresent();
            }
            case 1 -> {
                return receiver.receiveMany(batch, 7).await() > 0;
            }
            case 2 -> {
                ReceiveResult<Long> result = receiver.tryReceive();
                if (result.isReceived()) {
                    batch.add(result.value());
                } else if (result instanceof ReceiveResult.Empty<Long>) {
                    Weft.yieldNow().await();
                }
                return !(result instanceof ReceiveResult.Disconnected<Long>);
            }
            default -> {
                try {
                    Optional<Long> message = Time.timeout(Duration.ofNanos(1), receiver.receive()).await();
                    message.ifPresent(batch::add);
                    return message.isPresent();
                } catch (Elapsed cancelled) {
                    return true;
                }
            }
        }
    }
}
