package dev.weft.signal.tests;

import dev.weft.Async;
import dev.weft.signal.Signals;
import dev.weft.test.AsyncTest;
import dev.weft.test.SignalDispositions;
import dev.weft.time.Elapsed;
import dev.weft.time.Time;
import org.junit.jupiter.api.BeforeAll;
import sun.misc.Signal;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * {@code Signals.ctrlC()} with SIGINT raised by this JVM at itself. (SIGTERM is checked end to end by
 * mini-redis's ServerMainTest, in a JVM of its own: handling it here would keep this test JVM from being
 * terminated.)
 */
class SignalsTest {

    @BeforeAll
    static void sigintCanBeHandled() {
        assumeFalse(SignalDispositions.isIgnored("INT"), "this JVM was started with SIGINT ignored (a background job of a shell); "
                + "the JVM then refuses to handle it");
    }

    private static void raiseSigint() {
        Signal.raise(new Signal("INT"));
    }

    @AsyncTest(everyFlavor = true, timeoutMillis = 20_000)
    void ctrlC_completesAtTheNextSigint() {
        Async<Void> interrupted = Signals.ctrlC();
        raiseSigint();
        interrupted.await();
    }

    @AsyncTest(startPaused = true, timeoutMillis = 20_000)
    void ctrlC_countsOnlySignalsReceivedAfterTheCall() {
        Async<Void> first = Signals.ctrlC();
        raiseSigint();
        first.await();
        Async<Void> next = Signals.ctrlC();
        assertThatThrownBy(() -> Time.timeout(Duration.ofHours(1), next).await()).isInstanceOf(Elapsed.class);
        raiseSigint();
        next.await();
    }

    @AsyncTest(startPaused = true, timeoutMillis = 20_000)
    void cancelledWait_consumesNoSignal() {
        Async<Void> interrupted = Signals.ctrlC();
        assertThatThrownBy(() -> Time.timeout(Duration.ofSeconds(1), interrupted).await()).isInstanceOf(Elapsed.class);
        raiseSigint();
        interrupted.await();
    }

    @AsyncTest
    void signalDispositions_namesOnlyTheSignalsItKnows() {
        assertThatThrownBy(() -> SignalDispositions.isIgnored("USR1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("USR1");
    }
}
