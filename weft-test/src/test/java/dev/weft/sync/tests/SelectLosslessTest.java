package dev.weft.sync.tests;

import dev.weft.Async;
import dev.weft.Weft;
import dev.weft.stream.FlowStreams;
import dev.weft.stream.PublisherStream;
import dev.weft.sync.Select;
import dev.weft.task.JoinHandle;
import dev.weft.test.AsyncTest;
import dev.weft.test.RuntimeFlavor;
import dev.weft.time.Time;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Select loops over cancel-safe receives lose nothing: every receive that loses a select is abandoned,
 * and gives back what it had been handed. (The lead adds the same loop over Weft's channels.)
 */
class SelectLosslessTest {

    private static final int PER_QUEUE = 50_000;
    private static final long SEED = 5;

    /**
     * Sends 0, 1, ... to both queues in turn, yielding after a seeded-random 1 to 4 pairs, so that a
     * consumer parked on both receives is often handed an item by each before it runs.
     */
    private static JoinHandle<Void> produce(HandoffQueue<Integer> left, HandoffQueue<Integer> right, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return Weft.spawn(Async.run(() -> {
            int untilYield = 1;
            for (int i = 0; i < PER_QUEUE; i++) {
                left.send(i);
                right.send(i);
                if (--untilYield == 0) {
                    Weft.yieldNow().await();
                    untilYield = 1 + random.nextInt(4);
                }
            }
        }));
    }

    @AsyncTest(everyFlavor = true, timeoutMillis = 120_000)
    void selectLoop_overTwoHandoffQueues_losesNothingIn100000Receives(RuntimeFlavor flavor) {
        HandoffQueue<Integer> left = new HandoffQueue<>();
        HandoffQueue<Integer> right = new HandoffQueue<>();
        List<Integer> fromLeft = new ArrayList<>(PER_QUEUE);
        List<Integer> fromRight = new ArrayList<>(PER_QUEUE);
        JoinHandle<Void> producer = produce(left, right, SEED);
        int idleWins = 0;
        for (int round = 0; fromLeft.size() + fromRight.size() < 2 * PER_QUEUE; round++) {
            boolean received = Select.<Boolean>builder()
                    .on(left.receive(), fromLeft::add)
                    .on(right.receive(), fromRight::add)
                    .onIf(round % 7 == 0, Time.sleep(Duration.ZERO), idle -> false)
                    .fair()
                    .await();
            if (!received) {
                idleWins++;
            }
        }
        producer.await();
        List<Integer> expected = IntStream.range(0, PER_QUEUE).boxed().toList();
        assertThat(fromLeft).as("left, in order, each once").isEqualTo(expected);
        assertThat(fromRight).as("right, in order, each once").isEqualTo(expected);
        assertThat(left.queued() + right.queued()).isZero();
        assertThat(idleWins).as("an always-ready branch won some rounds").isPositive();
        if (flavor == RuntimeFlavor.CURRENT_THREAD) {
            assertThat(left.givenBack() + right.givenBack())
                    .as("receives that had been handed an item lost selects and gave it back").isPositive();
        }
    }

    @AsyncTest(everyFlavor = true, timeoutMillis = 60_000)
    void selectLoop_overPublisherStreams_losesNothing() {
        int count = 20_000;
        try (SubmissionPublisher<Integer> evens = new SubmissionPublisher<>();
             SubmissionPublisher<Integer> odds = new SubmissionPublisher<>();
             PublisherStream<Integer> evenStream = FlowStreams.fromPublisher(evens, 8);
             PublisherStream<Integer> oddStream = FlowStreams.fromPublisher(odds, 8)) {
            List<Integer> received = new ArrayList<>();
            Async<Boolean> receiveOne = Select.<Boolean>builder()
                    .onPresent(evenStream.next(), received::add)
                    .onPresent(oddStream.next(), received::add)
                    .on(Time.sleep(Duration.ZERO), idle -> false)
                    .fair();
            JoinHandle<Void> publishing = Weft.spawnBlocking(() -> {
                while (!evens.hasSubscribers() || !odds.hasSubscribers()) {
                    LockSupport.parkNanos(100_000);   // the streams subscribe when first polled
                }
                for (int i = 0; i < count; i += 2) {
                    evens.submit(i);
                    odds.submit(i + 1);
                }
                return null;
            });
            while (received.size() < count) {
                receiveOne.await();
            }
            publishing.await();
            assertThat(received).hasSize(count).doesNotHaveDuplicates();
            assertThat(received.stream().filter(n -> n % 2 == 0).toList())
                    .isEqualTo(IntStream.range(0, count / 2).map(n -> 2 * n).boxed().toList());
            assertThat(received.stream().filter(n -> n % 2 == 1).toList())
                    .isEqualTo(IntStream.range(0, count / 2).map(n -> 2 * n + 1).boxed().toList());
        }
    }
}
