package dev.weft.sync.tests;

import dev.weft.sync.Mpsc;
import dev.weft.sync.ReceiveResult;
import dev.weft.sync.SendResult;
import org.jetbrains.kotlinx.lincheck.LinChecker;
import org.jetbrains.kotlinx.lincheck.annotations.Operation;
import org.jetbrains.kotlinx.lincheck.annotations.Param;
import org.jetbrains.kotlinx.lincheck.paramgen.IntGen;
import org.jetbrains.kotlinx.lincheck.strategy.managed.modelchecking.ModelCheckingOptions;
import org.jetbrains.kotlinx.lincheck.strategy.stress.StressOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Linearizability of {@link Mpsc}'s operations that do not wait, checked by Lincheck against their own
 * sequential behaviour: two producers (two sender handles) racing {@code trySend} and {@code close},
 * the receiver's {@code tryReceive} and its {@code close} from any thread, on a bounded channel of
 * capacity 2 and on an unbounded one. Both the model checker (every interleaving of shared-memory events up to a
 * budget) and the stress strategy (real threads) run.
 */
@Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MpscLincheckTest {

    @Test
    void boundedChannel_modelChecking() {
        LinChecker.check(Bounded.class, modelChecking());
    }

    @Test
    void boundedChannel_stress() {
        LinChecker.check(Bounded.class, stress());
    }

    @Test
    void unboundedChannel_modelChecking() {
        LinChecker.check(Unbounded.class, modelChecking());
    }

    @Test
    void unboundedChannel_stress() {
        LinChecker.check(Unbounded.class, stress());
    }

    static ModelCheckingOptions modelChecking() {
        return new ModelCheckingOptions().iterations(10).invocationsPerIteration(300).threads(3)
                .actorsPerThread(3);
    }

    static StressOptions stress() {
        return new StressOptions().iterations(30).invocationsPerIteration(1_000).threads(3).actorsPerThread(3);
    }

    /**
     * The operations under test, on one channel with two sender handles. A handle is used by one
     * producer (each handle's operations run on one thread, as a handle is closed after its last send),
     * and the receiver by one consumer; the receiver's close may come from any thread.
     */
    @Param(name = "item", gen = IntGen.class, conf = "1:3")
    abstract static class Operations {
        private final Mpsc.Receiver<Integer> receiver;
        private final Mpsc.Sender<Integer> first;
        private final Mpsc.Sender<Integer> second;

        Operations(Mpsc.Channel<Integer> channel) {
            this.receiver = channel.receiver();
            this.first = channel.sender();
            this.second = channel.sender().newSender();
        }

        @Operation(nonParallelGroup = "first")
        public SendResult<Integer> trySendFirst(@Param(name = "item") int item) {
            return first.trySend(item);
        }

        @Operation(nonParallelGroup = "first")
        public void closeFirst() {
            first.close();
        }

        @Operation(nonParallelGroup = "second")
        public SendResult<Integer> trySendSecond(@Param(name = "item") int item) {
            return second.trySend(item);
        }

        @Operation(nonParallelGroup = "second")
        public void closeSecond() {
            second.close();
        }

        @Operation(nonParallelGroup = "receiver")
        public ReceiveResult<Integer> tryReceive() {
            return receiver.tryReceive();
        }

        @Operation
        public void closeReceiver() {
            receiver.close();
        }

        @Operation
        public boolean isClosed() {
            return receiver.isClosed();
        }
    }

    /** A channel with room for two items. */
    public static class Bounded extends Operations {
        public Bounded() {
            super(Mpsc.bounded(2));
        }
    }

    /** An unbounded channel. */
    public static class Unbounded extends Operations {
        public Unbounded() {
            super(Mpsc.unbounded());
        }
    }
}
