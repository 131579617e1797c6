package dev.weft.runtime.tests;

import dev.weft.Async;
import dev.weft.test.EveryFlavor;
import dev.weft.test.RuntimeFlavor;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * About a million wake-ups: 1 000 pairs of tasks pass a token back and forth 500 times each, parking with
 * {@link LockSupport} between turns. A lost wake-up leaves a pair parked forever, so the test would not
 * finish within its timeout.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class WakeupStressTest {

    private static final int PAIRS = 1_000;
    private static final int ROUND_TRIPS = 500;

    @EveryFlavor
    void pairsPassingATokenBackAndForth_neverLoseAWakeUp(RuntimeFlavor flavor) {
        List<Token> tokens = Stream.generate(Token::new).limit(PAIRS).toList();

        int handoffs = flavor.run(() -> Fanout.spawnAndJoin(2 * PAIRS, i -> tokens.get(i / 2).player(i % 2)).await()
                .stream().mapToInt(Integer::intValue).sum());

        assertThat(handoffs).isEqualTo(PAIRS * ROUND_TRIPS * 2);
    }

    /** A token two players pass to each other; turn {@code n} belongs to player {@code n % 2}. */
    private static final class Token {
        private final AtomicInteger turn = new AtomicInteger();
        private final Thread[] players = new Thread[2];

        Async<Integer> player(int side) {
            return Async.of(() -> {
                register(side);
                int passes = 0;
                for (int mine = side; mine < 2 * ROUND_TRIPS; mine += 2) {
                    while (turn.get() != mine) {
                        LockSupport.park(this);
                    }
                    turn.set(mine + 1);
                    passes++;
                    Thread other = opponent(side);
                    if (other != null) {
                        LockSupport.unpark(other);
                    }
                }
                return passes;
            });
        }

        private synchronized void register(int side) {
            players[side] = Thread.currentThread();
        }

        private synchronized Thread opponent(int side) {
            return players[1 - side];
        }
    }
}
