package dev.weft.miniredis.frame;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Deterministic fuzzing of both parsers with valid and mutated streams, split at random: a parser throws
 * nothing but {@link ProtocolException}, never reads past the bytes received (the feeding buffer ends
 * exactly there, so an over-read is an IndexOutOfBoundsException), and gives the same frames or the same
 * error however the stream is split.
 */
class ParserFuzzTest {

    private static final ProtocolLimits LIMITS = new ProtocolLimits(200, 8, 64, 4096);

    @RepeatedTest(300)
    void requestParser_onMutatedStreams_failsOnlyWithProtocolErrors_andIsSplitInvariant(RepetitionInfo repetition) {
        long seed = 0xf00d_0000L + repetition.getCurrentRepetition();
        SplittableRandom random = new SplittableRandom(seed);
        byte[] valid = RandomFrames.requestStream(random, 1 + random.nextInt(6));
        byte[] stream = repetition.getCurrentRepetition() % 5 == 0 ? valid : RandomFrames.mutate(random, valid);
        Outcome whole = requests(seed, stream, new int[0]);
        for (int round = 0; round < 5; round++) {
            int[] cuts = RandomFrames.cuts(random, stream.length);
            assertThat(requests(seed, stream, cuts)).as("seed %d, cuts %s", seed, Arrays.toString(cuts)).isEqualTo(whole);
        }
        Outcome byteByByte = requests(seed, stream, Stream.everyByte(stream));
        assertThat(byteByByte).as("seed %d, byte by byte", seed).isEqualTo(whole);
    }

    @RepeatedTest(300)
    void frameParser_onMutatedReplies_failsOnlyWithProtocolErrors_andIsSplitInvariant(RepetitionInfo repetition) {
        long seed = 0xbeef_0000L + repetition.getCurrentRepetition();
        SplittableRandom random = new SplittableRandom(seed);
        FrameEncoder encoder = new FrameEncoder();
        for (int i = 0; i < 1 + random.nextInt(5); i++) {
            encoder.encode(RandomFrames.reply(random, 3));
        }
        byte[] stream = RandomFrames.mutate(random, encoder.toByteArray());
        Outcome whole = replies(seed, stream, new int[0]);
        for (int round = 0; round < 5; round++) {
            int[] cuts = RandomFrames.cuts(random, stream.length);
            assertThat(replies(seed, stream, cuts)).as("seed %d, cuts %s", seed, Arrays.toString(cuts)).isEqualTo(whole);
        }
    }

    /** The frames parsed before the stream ended or failed, and the failure's message. */
    private record Outcome(List<Frame> frames, String error) {
    }

    private static Outcome requests(long seed, byte[] stream, int[] cuts) {
        RequestParser parser = new RequestParser(LIMITS);
        return outcome(seed, frames -> Stream.feed(frames, stream, cuts, parser::check, parser::parse));
    }

    private static Outcome replies(long seed, byte[] stream, int[] cuts) {
        FrameParser parser = new FrameParser(LIMITS);
        return outcome(seed, frames -> Stream.feed(frames, stream, cuts, parser::check, parser::parse));
    }

    private static Outcome outcome(long seed, Consumer<List<Frame>> run) {
        List<Frame> frames = new ArrayList<>();
        try {
            run.accept(frames);
            return new Outcome(frames, null);
        } catch (ProtocolException expected) {
            return new Outcome(frames, expected.getMessage());
        } catch (RuntimeException | Error unexpected) {
            fail("seed " + seed + ": the parser threw " + unexpected, unexpected);
            throw unexpected;
        }
    }
}
