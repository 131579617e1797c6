package dev.weft.io.tests;

import dev.weft.Async;
import dev.weft.Weft;
import dev.weft.io.DuplexStream;
import dev.weft.io.Pipe;
import dev.weft.task.JoinHandle;
import dev.weft.test.AsyncAssertions;
import dev.weft.test.AsyncTest;
import dev.weft.time.Elapsed;
import dev.weft.time.Time;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Duration;

import static dev.weft.io.tests.IoTestSupport.readText;
import static dev.weft.io.tests.IoTestSupport.text;
import static dev.weft.io.tests.IoTestSupport.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The in-memory duplex pipe: order, back-pressure, half-close, close, cancel safety. */
class PipeTest {

    private static final Duration SHORT = Duration.ofMillis(20);

    @AsyncTest(everyFlavor = true)
    void bytesWritten_atOneEnd_areReadAtTheOther_inOrder_bothWays() {
        Pipe pipe = Pipe.duplex(64);
        pipe.client().writeAll(utf8("ping")).await();
        pipe.server().writeAll(utf8("pong")).await();

        ByteBuffer atServer = ByteBuffer.allocate(4);
        pipe.server().readExact(atServer).await();
        ByteBuffer atClient = ByteBuffer.allocate(4);
        pipe.client().readExact(atClient).await();

        assertThat(text(atServer.flip())).isEqualTo("ping");
        assertThat(text(atClient.flip())).isEqualTo("pong");
    }

    @AsyncTest(everyFlavor = true)
    void read_returnsWhatIsBuffered_upToTheSpaceInTheDestination() {
        Pipe pipe = Pipe.duplex(64);
        pipe.client().writeAll(utf8("abcdef")).await();

        ByteBuffer small = ByteBuffer.allocate(4);
        assertThat(pipe.server().read(small).await()).isEqualTo(4);
        ByteBuffer rest = ByteBuffer.allocate(64);
        assertThat(pipe.server().read(rest).await()).isEqualTo(2);

        assertThat(text(small.flip()) + text(rest.flip())).isEqualTo("abcdef");
    }

    @AsyncTest(everyFlavor = true)
    void readAndWrite_withEmptyBuffers_returnZeroAtOnce() {
        Pipe pipe = Pipe.duplex(8);
        assertThat(pipe.server().read(ByteBuffer.allocate(0)).await()).isZero();
        assertThat(pipe.client().write(ByteBuffer.allocate(0)).await()).isZero();
    }

    @AsyncTest(everyFlavor = true)
    void write_intoAFullPipe_writesWhatFits_thenWaitsForTheReader() {
        Pipe pipe = Pipe.duplex(8);
        ByteBuffer twelve = utf8("0123456789ab");
        assertThat(pipe.client().write(twelve).await()).isEqualTo(8);

        assertThatThrownBy(() -> Time.timeout(SHORT, pipe.client().write(twelve)).await()).isInstanceOf(Elapsed.class);
        assertThat(twelve.remaining()).as("a write that timed out wrote nothing").isEqualTo(4);

        JoinHandle<Void> writer = Weft.spawn(pipe.client().writeAll(twelve));
        AsyncAssertions.assertPending(writer);
        ByteBuffer first = ByteBuffer.allocate(8);
        pipe.server().readExact(first).await();
        writer.await();
        ByteBuffer second = ByteBuffer.allocate(4);
        pipe.server().readExact(second).await();

        assertThat(text(first.flip()) + text(second.flip())).isEqualTo("0123456789ab");
    }

    @AsyncTest(everyFlavor = true)
    void shutdownOutput_letsThePeerReadWhatWasWritten_thenMinusOne_andTheOtherDirectionGoesOn() {
        Pipe pipe = Pipe.duplex(64);
        pipe.client().writeAll(utf8("request")).await();
        pipe.client().shutdownOutput().await();

        assertThat(readText(pipe.server()).await()).isEqualTo("request");
        assertThat(pipe.server().read(ByteBuffer.allocate(8)).await()).as("still the end").isEqualTo(-1);

        pipe.server().writeAll(utf8("reply")).await();
        pipe.server().shutdownOutput().await();
        assertThat(readText(pipe.client()).await()).isEqualTo("reply");
    }

    @AsyncTest(everyFlavor = true)
    void write_afterShutdownOutput_fails() {
        Pipe pipe = Pipe.duplex(64);
        pipe.client().shutdownOutput().await();
        pipe.client().shutdownOutput().await();

        assertThatThrownBy(() -> pipe.client().write(utf8("late")).await())
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("shut down");
    }

    @AsyncTest(everyFlavor = true)
    void aPendingRead_isWokenByThePeersShutdown_andReturnsMinusOne() {
        Pipe pipe = Pipe.duplex(64);
        JoinHandle<Integer> reader = Weft.spawn(pipe.server().read(ByteBuffer.allocate(8)));
        AsyncAssertions.assertPending(reader);

        pipe.client().shutdownOutput().await();

        assertThat(reader.await()).isEqualTo(-1);
    }

    @AsyncTest(everyFlavor = true)
    void close_endsThePeersReads_failsThePeersWrites_andFailsThisEnd() {
        Pipe pipe = Pipe.duplex(64);
        pipe.client().writeAll(utf8("last words")).await();
        pipe.client().close();

        assertThat(readText(pipe.server()).await()).isEqualTo("last words");
        assertThatThrownBy(() -> pipe.server().write(utf8("anyone?")).await())
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("broken pipe");
        assertThatThrownBy(() -> pipe.client().read(ByteBuffer.allocate(8)).await())
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> pipe.client().write(utf8("x")).await()).isInstanceOf(UncheckedIOException.class);
    }

    @AsyncTest(everyFlavor = true)
    void aWriterWaitingOnAFullPipe_failsWhenTheReaderCloses() {
        Pipe pipe = Pipe.duplex(4);
        pipe.client().writeAll(utf8("full")).await();
        JoinHandle<Void> writer = Weft.spawn(pipe.client().writeAll(utf8("more")));
        AsyncAssertions.assertPending(writer);

        pipe.server().close();

        assertThatThrownBy(writer::await).isInstanceOf(UncheckedIOException.class).hasMessageContaining("broken pipe");
    }

    @AsyncTest(everyFlavor = true)
    void aReadCancelledByATimeout_losesNothing_andTheNextReadGetsTheBytes() {
        Pipe pipe = Pipe.duplex(64);
        ByteBuffer buffer = ByteBuffer.allocate(16);

        assertThatThrownBy(() -> Time.timeout(SHORT, pipe.server().read(buffer)).await()).isInstanceOf(Elapsed.class);
        assertThat(buffer.position()).isZero();

        pipe.client().writeAll(utf8("after")).await();
        assertThat(pipe.server().read(buffer).await()).isEqualTo(5);
        assertThat(text(buffer.flip())).isEqualTo("after");
    }

    @AsyncTest(everyFlavor = true)
    void twoTasksReadingOneEnd_bothGetBytes_andNoByteIsReadTwice() {
        Pipe pipe = Pipe.duplex(64);
        JoinHandle<String> first = Weft.spawn(readOne(pipe.server()));
        JoinHandle<String> second = Weft.spawn(readOne(pipe.server()));
        AsyncAssertions.assertPending(first);

        pipe.client().writeAll(utf8("a")).await();
        pipe.client().writeAll(utf8("b")).await();

        assertThat(first.await() + second.await()).isIn("ab", "ba");
    }

    private static Async<String> readOne(DuplexStream end) {
        return Async.of(() -> {
            ByteBuffer one = ByteBuffer.allocate(1);
            end.read(one).await();
            return text(one.flip());
        });
    }

    @Test
    void duplex_rejectsANonPositiveBufferSize() {
        assertThatThrownBy(() -> Pipe.duplex(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bufferSize <= 0: 0");
    }
}
