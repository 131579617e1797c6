package dev.weft.io;

import dev.weft.Async;
import dev.weft.runtime.internal.poll.Pollable;
import dev.weft.runtime.internal.poll.PollingAsync;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pipe's reads and writes follow the poll protocol, which is what makes them cancel-safe and lets a
 * select poll them: a pending operation registers its waker and has moved nothing; an abandoned one
 * leaves no trace.
 */
@Timeout(10)
class PipePollTest {

    @Test
    void aPendingRead_isWokenByAWrite_andAnAbandonedReadConsumesNothing() {
        Pipe pipe = Pipe.duplex(16);
        ByteBuffer abandonedTarget = ByteBuffer.allocate(8);
        Pollable<Integer> abandoned = start(pipe.server().read(abandonedTarget));
        AtomicInteger wakes = new AtomicInteger();
        assertThat(abandoned.poll(wakes::incrementAndGet)).isFalse();
        abandoned.abandon();

        ByteBuffer target = ByteBuffer.allocate(8);
        Pollable<Integer> read = start(pipe.server().read(target));
        assertThat(read.poll(wakes::incrementAndGet)).isFalse();

        assertThat(runNow(pipe.client().write(utf8("hi")))).isEqualTo(2);

        assertThat(wakes).as("only the read still waiting is woken").hasValue(1);
        assertThat(read.poll(wakes::incrementAndGet)).isTrue();
        assertThat(read.result()).isEqualTo(2);
        assertThat(text(target.flip())).isEqualTo("hi");
        assertThat(abandonedTarget.position()).isZero();
    }

    @Test
    void aWriteWaitingForSpace_isWokenWhenTheReaderTakesBytes_thenWritesWhatFits() {
        Pipe pipe = Pipe.duplex(2);
        assertThat(runNow(pipe.client().write(utf8("ab")))).isEqualTo(2);
        ByteBuffer more = utf8("cd");
        Pollable<Integer> write = start(pipe.client().write(more));
        AtomicInteger wakes = new AtomicInteger();
        assertThat(write.poll(wakes::incrementAndGet)).isFalse();
        assertThat(more.remaining()).as("a pending write moved nothing").isEqualTo(2);

        assertThat(runNow(pipe.server().read(ByteBuffer.allocate(1)))).isEqualTo(1);

        assertThat(wakes).hasValue(1);
        assertThat(write.poll(wakes::incrementAndGet)).isTrue();
        assertThat(write.result()).isEqualTo(1);
        assertThat(more.remaining()).isEqualTo(1);
    }

    @Test
    void aRepollWithAnotherWaker_wakesTheLatestOne() {
        Pipe pipe = Pipe.duplex(4);
        Pollable<Integer> read = start(pipe.server().read(ByteBuffer.allocate(4)));
        AtomicInteger first = new AtomicInteger();
        AtomicInteger second = new AtomicInteger();
        assertThat(read.poll(first::incrementAndGet)).isFalse();
        assertThat(read.poll(second::incrementAndGet)).isFalse();

        pipe.client().close();

        assertThat(first).hasValue(0);
        assertThat(second).hasValue(1);
        assertThat(read.poll(second::incrementAndGet)).isTrue();
        assertThat(read.result()).isEqualTo(-1);
    }

    private static Pollable<Integer> start(Async<Integer> operation) {
        assertThat(operation).isInstanceOf(PollingAsync.class);
        return ((PollingAsync<Integer>) operation).start();
    }

    private static int runNow(Async<Integer> operation) {
        Pollable<Integer> pollable = start(operation);
        assertThat(pollable.poll(() -> { })).as("completes at once").isTrue();
        return pollable.result();
    }

    private static ByteBuffer utf8(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(ByteBuffer buffer) {
        return StandardCharsets.UTF_8.decode(buffer).toString();
    }
}
