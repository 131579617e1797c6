package dev.weft.miniredis.cmd;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.SplittableRandom;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Redis's glob matching (stringmatchlen): each construct, and random patterns against a regex reference. */
class GlobPatternTest {

    @ParameterizedTest(name = "{0} ~ {1} = {2}")
    @CsvSource(delimiter = '|', value = {
            "*            | anything   | true",
            "*            | ''         | true",
            "maxmem*      | maxmemory  | true",
            "maxmem*      | maxmem     | true",
            "maxmem*      | maxme      | false",
            "a*b*c        | aXbYbZc    | true",
            "a*b*c        | aXbYbZ     | false",
            "h?llo        | hello      | true",
            "h?llo        | hllo       | false",
            "h[ae]llo     | hallo      | true",
            "h[ae]llo     | hillo      | false",
            "h[^e]llo     | hallo      | true",
            "h[^e]llo     | hello      | false",
            "h[a-c]llo    | hbllo      | true",
            "h[c-a]llo    | hbllo      | true",
            "h[a-c]llo    | hdllo      | false",
            "h\\*llo      | h*llo      | true",
            "h\\*llo      | hello      | false",
            "h[\\]]llo    | h]llo      | true",
            "ab[cd        | abc        | true",
            "ab[cd        | abcd       | false",
            "SAVE         | save       | true",
            "S[A-B]VE     | save       | true",
    })
    void constructs_matchAsInRedis(String pattern, String text, boolean matches) {
        assertThat(GlobPattern.matches(pattern, text, true)).isEqualTo(matches);
    }

    @RepeatedTest(200)
    void randomPatterns_agreeWithARegexReference(RepetitionInfo repetition) {
        long seed = 0x9100_0000L + repetition.getCurrentRepetition();
        SplittableRandom random = new SplittableRandom(seed);
        String pattern = randomPattern(random);
        Pattern reference = Pattern.compile(toRegex(pattern));
        for (int i = 0; i < 50; i++) {
            String text = randomText(random);
            assertThat(GlobPattern.matches(pattern, text, false)).as("seed %d: %s ~ %s", seed, pattern, text)
                    .isEqualTo(reference.matcher(text).matches());
        }
    }

    private static String randomPattern(SplittableRandom random) {
        StringBuilder pattern = new StringBuilder();
        int tokens = random.nextInt(6);
        for (int i = 0; i < tokens; i++) {
            switch (random.nextInt(5)) {
                case 0 -> pattern.append('*');
                case 1 -> pattern.append('?');
                case 2 -> pattern.append(random.nextBoolean() ? "[ab]" : "[^b]");
                default -> pattern.append((char) ('a' + random.nextInt(3)));
            }
        }
        return pattern.toString();
    }

    private static String randomText(SplittableRandom random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(7);
        for (int i = 0; i < length; i++) {
            text.append((char) ('a' + random.nextInt(3)));
        }
        return text.toString();
    }

    /** The patterns randomPattern makes, as a Java regex. */
    private static String toRegex(String pattern) {
        return pattern.replace("*", ".*").replace("?", ".");
    }
}
