package dev.weft.sync.tests;

import dev.weft.Async;
import dev.weft.runtime.AsyncRuntime;
import dev.weft.sync.ChannelClosedException;
import dev.weft.sync.Mpsc;
import dev.weft.sync.ReceiveResult;
import dev.weft.test.EveryFlavor;
import dev.weft.test.RuntimeFlavor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code blockingSend} and {@code blockingReceive} from platform threads, talking to tasks and to each other. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MpscBlockingTest {

    private static final int THREADS = 4;
    private static final int PER_THREAD = 2_000;

    @EveryFlavor
    void platformThreads_blockingSendIntoABoundedChannel_reachATask(RuntimeFlavor flavor) throws Exception {
        Mpsc.Channel<Integer> channel = Mpsc.bounded(8);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            Mpsc.Sender<Integer> sender = channel.sender().newSender();
            int base = t * PER_THREAD;
            threads.add(Thread.ofPlatform().start(() -> {
                try (sender) {
                    for (int i = 0; i < PER_THREAD; i++) {
                        sender.blockingSend(base + i);
                    }
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            }));
        }
        channel.sender().close();

        long sum = flavor.run(() -> {
            long total = 0;
            Optional<Integer> item;
            while ((item = channel.receiver().receive().await()).isPresent()) {
                total += item.get();
            }
            return total;
        });

        for (Thread thread : threads) {
            thread.join();
        }
        long n = (long) THREADS * PER_THREAD;
        assertThat(sum).isEqualTo(n * (n - 1) / 2);
    }

    @EveryFlavor
    void aPlatformThread_blockingReceivesWhatTasksSend(RuntimeFlavor flavor) throws Exception {
        Mpsc.Channel<Integer> channel = Mpsc.bounded(4);
        CompletableFuture<List<Integer>> received = new CompletableFuture<>();
        Thread consumer = Thread.ofPlatform().start(() -> {
            List<Integer> items = new ArrayList<>();
            try {
                Optional<Integer> item;
                while ((item = channel.receiver().blockingReceive()).isPresent()) {
                    items.add(item.get());
                }
                received.complete(items);
            } catch (InterruptedException | RuntimeException e) {
                received.completeExceptionally(e);
            }
        });

        flavor.run(() -> {
            try (Mpsc.Sender<Integer> sender = channel.sender()) {
                for (int i = 0; i < 1_000; i++) {
                    sender.send(i).await();
                }
            }
        });

        consumer.join();
        assertThat(received.get()).hasSize(1_000).isSorted();
    }

    @Test
    void blockingReceive_interrupted_throwsAndTakesNothing() throws Exception {
        Mpsc.Channel<String> channel = Mpsc.unbounded();
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread waiting = Thread.ofPlatform().start(() -> {
            try {
                channel.receiver().blockingReceive();
            } catch (Throwable e) {
                outcome.set(e);
            }
        });
        while (waiting.getState() != Thread.State.WAITING) {
            Thread.onSpinWait();
        }

        waiting.interrupt();
        waiting.join();
        channel.sender().trySend("after");

        assertThat(outcome.get()).isInstanceOf(InterruptedException.class);
        assertThat(channel.receiver().tryReceive()).isEqualTo(new ReceiveResult.Received<>("after"));
    }

    @Test
    void blockingSend_toAClosedReceiver_throwsChannelClosed() {
        Mpsc.Channel<String> channel = Mpsc.bounded(1);
        channel.receiver().close();

        assertThatThrownBy(() -> channel.sender().blockingSend("x")).isInstanceOf(ChannelClosedException.class);
    }

    @Test
    void blockingSend_waitsForATaskToMakeRoom() throws Exception {
        Mpsc.Channel<String> channel = Mpsc.bounded(1);
        channel.sender().blockingSend("first");
        try (AsyncRuntime runtime = AsyncRuntime.builder().multiThread().workerThreads(1).build()) {
            Thread sending = Thread.ofPlatform().start(() -> {
                try {
                    channel.sender().blockingSend("second");
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            });

            List<String> items = runtime.blockOn(Async.of(() -> List.of(
                    channel.receiver().receive().await().orElseThrow(),
                    channel.receiver().receive().await().orElseThrow())));

            sending.join();
            assertThat(items).containsExactly("first", "second");
        }
    }
}
