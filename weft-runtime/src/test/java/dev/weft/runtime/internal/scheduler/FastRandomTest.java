package dev.weft.runtime.internal.scheduler;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link FastRandom}: bounded, seedable, never stuck. */
class FastRandomTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 7, 1_000, Integer.MAX_VALUE})
    void nextInt_staysWithinZeroAndTheBound(int bound) {
        FastRandom random = new FastRandom(42);

        for (int i = 0; i < 100_000; i++) {
            assertThat(random.nextInt(bound)).isBetween(0, bound - 1);
        }
    }

    @Test
    void nextInt_reachesEveryValueOfASmallBound() {
        FastRandom random = new FastRandom(7);
        Set<Integer> seen = new HashSet<>();

        for (int i = 0; i < 1_000; i++) {
            seen.add(random.nextInt(8));
        }

        assertThat(seen).containsExactlyInAnyOrderElementsOf(IntStream.range(0, 8).boxed().toList());
    }

    @Test
    void sameSeed_givesTheSameSequence() {
        assertThat(sequence(123_456_789L)).isEqualTo(sequence(123_456_789L));
        assertThat(sequence(123_456_789L)).isNotEqualTo(sequence(987_654_321L));
    }

    @Test
    void seedsThatFoldToZero_stillGiveAVaryingSequence() {
        assertThat(sequence(0L)).doesNotHaveDuplicates();
        assertThat(sequence(0x0000_0001_0000_0001L)).doesNotHaveDuplicates();
    }

    private static int[] sequence(long seed) {
        FastRandom random = new FastRandom(seed);
        return IntStream.range(0, 20).map(i -> random.nextInt(Integer.MAX_VALUE)).toArray();
    }
}
