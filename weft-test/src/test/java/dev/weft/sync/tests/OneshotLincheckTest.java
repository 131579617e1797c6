package dev.weft.sync.tests;

import dev.weft.sync.Oneshot;
import dev.weft.sync.ReceiveResult;
import org.jetbrains.kotlinx.lincheck.LinChecker;
import org.jetbrains.kotlinx.lincheck.annotations.Operation;
import org.jetbrains.kotlinx.lincheck.annotations.Param;
import org.jetbrains.kotlinx.lincheck.paramgen.IntGen;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Linearizability of {@link Oneshot}'s operations that do not wait, checked by Lincheck: the sender's
 * {@code send} and {@code close}, the receiver's {@code close} and the sender's {@code isClosed} from any
 * thread (a second send throws, which is one of the outcomes checked), and the receiver's
 * {@code tryReceive} from one thread (a receiver serves one task).
 */
@Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class OneshotLincheckTest {

    @Test
    void modelChecking() {
        LinChecker.check(Operations.class, MpscLincheckTest.modelChecking());
    }

    @Test
    void stress() {
        LinChecker.check(Operations.class, MpscLincheckTest.stress());
    }

    /** The operations under test, on one channel. */
    public static class Operations {
        private final Oneshot.Sender<Integer> sender;
        private final Oneshot.Receiver<Integer> receiver;

        public Operations() {
            Oneshot.Channel<Integer> channel = Oneshot.create();
            this.sender = channel.sender();
            this.receiver = channel.receiver();
        }

        @Operation
        public boolean send(@Param(gen = IntGen.class, conf = "1:3") int value) {
            return sender.send(value);
        }

        @Operation
        public void closeSender() {
            sender.close();
        }

        @Operation
        public boolean senderSeesClosed() {
            return sender.isClosed();
        }

        @Operation(nonParallelGroup = "receiver")
        public ReceiveResult<Integer> tryReceive() {
            return receiver.tryReceive();
        }

        @Operation
        public void closeReceiver() {
            receiver.close();
        }
    }
}
