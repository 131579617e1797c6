package dev.weft.docs;

import dev.weft.Async;
import dev.weft.runtime.AsyncRuntime;
import dev.weft.Weft;
import dev.weft.signal.Signals;
import dev.weft.task.CancelledException;
import dev.weft.task.JoinHandle;
import dev.weft.test.SignalDispositions;
import dev.weft.time.Time;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import sun.misc.Signal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The examples of {@code dev.weft.signal.Signals}'s and {@code dev.weft.test.SignalDispositions}'s javadoc
 * (the test's first line), run as they are written there.
 */
@Timeout(30)
class SignalJavadocExamplesTest {

    @Test
    void signals_exampleStopsOnSigint() throws InterruptedException {
        assumeFalse(SignalDispositions.isIgnored("INT"), "this JVM was started with SIGINT ignored");
        Signals.ctrlC();   // installs the handler before anything raises SIGINT
        AtomicReference<String> stopped = new AtomicReference<>();
        Thread example = Thread.ofPlatform().start(() -> AsyncRuntime.run(() -> {
            Async<Void> interrupted = Signals.ctrlC();   // from here on, SIGINT no longer ends the JVM
            JoinHandle<Void> serving = Weft.spawn(Time.sleep(Duration.ofDays(365)));   // stands for a server
            interrupted.await();
            System.out.println("received SIGINT, shutting down");
            serving.abort();
            assertThatThrownBy(serving::await).isInstanceOf(CancelledException.class);
            stopped.set("SIGINT");
        }));
        while (example.isAlive()) {
            Signal.raise(new Signal("INT"));   // until the example, which counts signals from its call, sees one
            example.join(50);
        }
        assertThat(stopped.get()).isEqualTo("SIGINT");
    }
}
