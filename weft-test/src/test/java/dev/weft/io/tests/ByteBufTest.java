package dev.weft.io.tests;

import dev.weft.io.ByteBuf;
import dev.weft.io.LimitExceededException;
import dev.weft.io.Pipe;
import dev.weft.test.AsyncTest;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.SplittableRandom;

import static dev.weft.io.tests.IoTestSupport.text;
import static dev.weft.io.tests.IoTestSupport.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The growable buffer: appends, consumption, its compact-or-grow policy and its hard maximum. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ByteBufTest {

    @Test
    void appendedBytes_areReadableInOrder_andReadingConsumesThem() {
        ByteBuf buf = new ByteBuf(4);
        buf.put((byte) 'a').put(new byte[] {'b', 'c'}).put(utf8("de")).put(new byte[] {'x', 'f', 'y'}, 1, 1);

        assertThat(text(buf.readable())).isEqualTo("abcdef");
        assertThat(buf.readable().get()).isEqualTo((byte) 'a');
        buf.skip(2);
        assertThat(buf.readableBytes()).isEqualTo(3);
        assertThat(buf.toByteArray()).containsExactly('d', 'e', 'f');
        assertThat(buf.readableBytes()).as("toByteArray consumes nothing").isEqualTo(3);
    }

    @Test
    void put_ofAByteBuffer_consumesItsRemainingBytes() {
        ByteBuffer src = utf8("hello");
        src.get();
        ByteBuf buf = new ByteBuf(0);
        buf.put(src);
        assertThat(src.hasRemaining()).isFalse();
        assertThat(text(buf.readable())).isEqualTo("ello");
    }

    @Test
    void truncate_keepsTheFirstBytes_andClearDropsAll() {
        ByteBuf buf = new ByteBuf(8);
        buf.put(utf8("abcdef"));
        buf.truncate(2);
        assertThat(text(buf.readable())).isEqualTo("ab");
        buf.clear();
        assertThat(buf.isEmpty()).isTrue();
        assertThat(buf.capacity()).isEqualTo(8);
    }

    @Test
    void growth_doublesTheCapacity_orTakesWhatIsNeeded() {
        ByteBuf buf = new ByteBuf(8);
        buf.put(new byte[9]);
        assertThat(buf.capacity()).isEqualTo(16);
        buf.put(new byte[100]);
        assertThat(buf.capacity()).isEqualTo(109);
    }

    @Test
    void space_freedAtTheFront_isReused_whenCompactingIsCheap() {
        ByteBuf buf = new ByteBuf(8);
        buf.put(utf8("abcdefgh"));
        buf.skip(6);
        buf.put(utf8("ijklmn"));
        assertThat(buf.capacity()).as("compacted, not grown").isEqualTo(8);
        assertThat(text(buf.readable())).isEqualTo("ghijklmn");
    }

    @Test
    void anAppendPastTheMaximum_isRefusedBeforeAllocating_andChangesNothing() {
        ByteBuf buf = new ByteBuf(4, 10);
        buf.put(utf8("12345678"));

        assertThatThrownBy(() -> buf.put(utf8("abc"))).isInstanceOf(LimitExceededException.class)
                .hasMessageContaining("maximum capacity is 10 bytes")
                .satisfies(e -> assertThat(((LimitExceededException) e).limit()).isEqualTo(10));
        assertThat(text(buf.readable())).isEqualTo("12345678");
        assertThat(buf.capacity()).isLessThanOrEqualTo(10);

        buf.skip(2);
        buf.put(utf8("ab"));
        assertThat(text(buf.readable())).as("consumed bytes make room again").isEqualTo("345678ab");
    }

    @RepeatedTest(20)
    void randomAppendsAndReads_matchAPlainByteQueue(RepetitionInfo repetition) {
        long seed = 0xB1F_0000L + repetition.getCurrentRepetition();
        SplittableRandom random = new SplittableRandom(seed);
        ByteBuf buf = new ByteBuf(random.nextInt(16), 4096);
        ByteArrayOutputStream model = new ByteArrayOutputStream();
        int consumed = 0;
        for (int step = 0; step < 2_000; step++) {
            if (random.nextBoolean()) {
                byte[] chunk = new byte[random.nextInt(64)];
                random.nextBytes(chunk);
                if (buf.readableBytes() + chunk.length <= buf.maxCapacity()) {
                    buf.put(chunk);
                    model.writeBytes(chunk);
                }
            } else {
                int n = random.nextInt(buf.readableBytes() + 1);
                byte[] read = new byte[n];
                buf.readable().get(read);
                byte[] expected = Arrays.copyOfRange(model.toByteArray(), consumed, consumed + n);
                assertThat(read).as("seed %d, step %d", seed, step).isEqualTo(expected);
                consumed += n;
            }
            assertThat(buf.readableBytes()).as("seed %d, step %d", seed, step).isEqualTo(model.size() - consumed);
        }
    }

    @AsyncTest(everyFlavor = true)
    void readFrom_appendsWhatTheSourceGives_andWriteAllToDrainsIntoTheSink() {
        Pipe pipe = Pipe.duplex(64);
        pipe.client().writeAll(utf8("from the pipe")).await();
        ByteBuf buf = new ByteBuf(4);

        while (buf.readableBytes() < 13) {
            assertThat(buf.readFrom(pipe.server()).await()).isPositive();
        }
        assertThat(text(buf.readable())).isEqualTo("from the pipe");

        buf.writeAllTo(pipe.server()).await();
        assertThat(buf.isEmpty()).isTrue();
        ByteBuffer echoed = ByteBuffer.allocate(13);
        pipe.client().readExact(echoed).await();
        assertThat(text(echoed.flip())).isEqualTo("from the pipe");

        pipe.client().shutdownOutput().await();
        assertThat(buf.readFrom(pipe.server()).await()).isEqualTo(-1);
    }

    @Test
    void preconditions_stateTheRuleAndTheValue() {
        assertThatThrownBy(() -> new ByteBuf(-1)).hasMessage("initialCapacity < 0: -1");
        assertThatThrownBy(() -> new ByteBuf(8, 4)).hasMessage("maxCapacity < initialCapacity: 4 < 8");
        ByteBuf buf = new ByteBuf(4);
        assertThatThrownBy(() -> buf.skip(1)).hasMessage("n is not within [0, 0]: 1");
        assertThatThrownBy(() -> buf.ensureWritable(-2)).hasMessage("n < 0: -2");
    }
}
