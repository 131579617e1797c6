package dev.weft.sync.tests;

import dev.weft.Async;
import dev.weft.Weft;
import dev.weft.sync.Mpsc;
import dev.weft.sync.Select;
import dev.weft.task.JoinHandle;
import dev.weft.test.EveryFlavor;
import dev.weft.test.RuntimeFlavor;
import dev.weft.time.Time;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Select loops over Weft's channels lose nothing: a receive that loses a select has taken no message,
 * so over 100 000 iterations every message of every producer arrives exactly once and in its order.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ChannelSelectLosslessTest {

    private static final int PER_PRODUCER = 50_000;

    /** Sends 0..PER_PRODUCER-1 and closes its sender; yields now and then so the consumer interleaves. */
    private static JoinHandle<Void> produce(Mpsc.Sender<Integer> sender) {
        return Weft.spawn(Async.run(() -> {
            try (sender) {
                for (int i = 0; i < PER_PRODUCER; i++) {
                    sender.send(i).await();
                    if (i % 7 == 0) {
                        Weft.yieldNow().await();
                    }
                }
            }
        }));
    }

    /** Which channel a receive completed on, and its message (empty: that channel is closed and drained). */
    private record Received(int channel, Optional<Integer> value) {
    }

    @EveryFlavor
    void selectLoopOverTwoMpscReceives_andATimer_losesNoMessage(RuntimeFlavor flavor) {
        List<List<Integer>> received = flavor.run(() -> {
            Mpsc.Channel<Integer> left = Mpsc.bounded(16);
            Mpsc.Channel<Integer> right = Mpsc.bounded(16);
            produce(left.sender());
            produce(right.sender());
            List<List<Integer>> seen = List.of(new ArrayList<>(), new ArrayList<>());
            boolean[] open = {true, true};
            while (open[0] || open[1]) {
                Optional<Received> next = Select.<Optional<Received>>builder()
                        .onIf(open[0], left.receiver().receive(), value -> Optional.of(new Received(0, value)))
                        .onIf(open[1], right.receiver().receive(), value -> Optional.of(new Received(1, value)))
                        .on(Time.sleep(Duration.ofSeconds(10)), timedOut -> Optional.empty())
                        .fair()
                        .await();
                assertThat(next).as("the producers never pause for 10 s").isPresent();
                Received item = next.get();
                if (item.value().isPresent()) {
                    seen.get(item.channel()).add(item.value().get());
                } else {
                    open[item.channel()] = false;
                }
            }
            return seen;
        });
        for (List<Integer> channel : received) {
            assertThat(channel).hasSize(PER_PRODUCER);
            for (int i = 0; i < PER_PRODUCER; i++) {
                assertThat(channel.get(i)).as("message %d", i).isEqualTo(i);
            }
        }
    }
}
