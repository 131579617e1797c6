package dev.weft.io.tests;

import dev.weft.Async;
import dev.weft.io.AsyncWrite;
import dev.weft.io.BufWriter;
import dev.weft.io.Pipe;
import dev.weft.test.AsyncTest;
import dev.weft.test.RuntimeFlavor;
import dev.weft.time.Elapsed;
import dev.weft.time.Time;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static dev.weft.io.tests.IoTestSupport.readText;
import static dev.weft.io.tests.IoTestSupport.text;
import static dev.weft.io.tests.IoTestSupport.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** BufWriter: small writes wait in the buffer, large ones go through, flush and shutdown write it out. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BufWriterTest {

    /** A sink that records the size of each write it is given and keeps the bytes. */
    private static final class RecordingSink implements AsyncWrite {
        final List<Integer> writes = new ArrayList<>();
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int flushes;
        boolean shutDown;

        @Override
        public Async<Integer> write(ByteBuffer src) {
            return Async.of(() -> {
                int n = src.remaining();
                byte[] copy = new byte[n];
                src.get(copy);
                bytes.writeBytes(copy);
                writes.add(n);
                return n;
            });
        }

        @Override
        public Async<Void> flush() {
            return Async.run(() -> flushes++);
        }

        @Override
        public Async<Void> shutdownOutput() {
            return Async.run(() -> shutDown = true);
        }
    }

    @AsyncTest(everyFlavor = true)
    void smallWrites_stayBuffered_untilFlush() {
        Pipe pipe = Pipe.duplex(64);
        BufWriter writer = new BufWriter(pipe.client(), 32);
        writer.writeAll(utf8("hello ")).await();
        writer.writeAll(utf8("world")).await();
        assertThat(writer.buffered()).isEqualTo(11);

        ByteBuffer received = ByteBuffer.allocate(11);
        assertThatThrownBy(() -> Time.timeout(Duration.ofMillis(20), pipe.server().read(received)).await())
                .isInstanceOf(Elapsed.class);

        writer.flush().await();
        assertThat(writer.buffered()).isZero();
        pipe.server().readExact(received).await();
        assertThat(text(received.flip())).isEqualTo("hello world");
    }

    @AsyncTest
    void manySmallWrites_reachTheSink_inOneWritePerBufferful() {
        RecordingSink sink = new RecordingSink();
        BufWriter writer = new BufWriter(sink, 10);
        for (int i = 0; i < 7; i++) {
            writer.writeAll(utf8("abc")).await();
        }
        writer.flush().await();

        assertThat(sink.writes).containsExactly(9, 9, 3);
        assertThat(sink.bytes.toString()).isEqualTo("abc".repeat(7));
        assertThat(sink.flushes).isEqualTo(1);
    }

    @AsyncTest
    void aWriteOfABufferfulOrMore_goesStraightThrough_afterWhatWasBuffered() {
        RecordingSink sink = new RecordingSink();
        BufWriter writer = new BufWriter(sink, 8);
        writer.writeAll(utf8("ab")).await();
        writer.writeAll(utf8("0123456789")).await();

        assertThat(sink.writes).containsExactly(2, 10);
        assertThat(sink.bytes.toString()).isEqualTo("ab0123456789");
        assertThat(writer.buffered()).isZero();
    }

    @AsyncTest(everyFlavor = true)
    void shutdownOutput_writesWhatIsBuffered_thenThePeerSeesTheEnd() {
        Pipe pipe = Pipe.duplex(64);
        BufWriter writer = new BufWriter(pipe.client());
        writer.writeAll(utf8("bye")).await();

        writer.shutdownOutput().await();

        assertThat(readText(pipe.server()).await()).isEqualTo("bye");
    }

    @RepeatedTest(10)
    void writesOfRandomSizes_reachTheSinkWhole_andInOrder(RepetitionInfo repetition) {
        long seed = 0xB1F_1000L + repetition.getCurrentRepetition();
        SplittableRandom random = new SplittableRandom(seed);
        RecordingSink sink = new RecordingSink();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        RuntimeFlavor.CURRENT_THREAD.run(() -> {
            BufWriter writer = new BufWriter(sink, 1 + random.nextInt(64));
            for (int i = 0; i < 500; i++) {
                byte[] chunk = new byte[random.nextInt(100)];
                random.nextBytes(chunk);
                expected.writeBytes(chunk);
                writer.writeAll(ByteBuffer.wrap(chunk)).await();
                if (random.nextInt(20) == 0) {
                    writer.flush().await();
                }
            }
            writer.flush().await();
        });
        assertThat(sink.bytes.toByteArray()).as("seed %d", seed).isEqualTo(expected.toByteArray());
    }

    @Test
    void capacity_mustBePositive() {
        assertThatThrownBy(() -> new BufWriter(new RecordingSink(), 0)).hasMessage("capacity <= 0: 0");
    }
}
