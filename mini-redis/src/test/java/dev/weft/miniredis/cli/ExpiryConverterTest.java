package dev.weft.miniredis.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The forms {@code --expires} accepts, and what it refuses. */
class ExpiryConverterTest {

    private final ExpiryConverter converter = new ExpiryConverter();

    @Test
    void aBareNumber_isMilliseconds_asInTokiosCli() {
        assertThat(converter.convert("1500")).isEqualTo(Duration.ofMillis(1500));
        assertThat(converter.convert("9223372036854775807")).isEqualTo(Duration.ofMillis(Long.MAX_VALUE));
    }

    @Test
    void aNumberWithAUnit_isThatMany_ofTheUnit() {
        assertThat(converter.convert("1500ms")).isEqualTo(Duration.ofMillis(1500));
        assertThat(converter.convert("10s")).isEqualTo(Duration.ofSeconds(10));
        assertThat(converter.convert("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(converter.convert("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(converter.convert("1d")).isEqualTo(Duration.ofDays(1));
        assertThat(converter.convert(" 10S ")).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void iso8601_isAccepted() {
        assertThat(converter.convert("PT10S")).isEqualTo(Duration.ofSeconds(10));
        assertThat(converter.convert("pt1m30s")).isEqualTo(Duration.ofSeconds(90));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "soon", "1.5s", "10 s", "-5", "5y", "s", "P", "99999999999999999999", "٣s"})
    void anythingElse_isRefused_sayingWhatIsAccepted(String text) {
        assertThatThrownBy(() -> converter.convert(text))
                .isInstanceOf(TypeConversionException.class)
                .hasMessage("'" + text + "' is not a duration: give milliseconds (1500), a number with a unit"
                        + " (1500ms, 10s, 5m, 2h, 1d) or ISO-8601 (PT10S)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0s", "PT0S", "PT-1S"})
    void zeroOrNegative_isRefused(String text) {
        assertThatThrownBy(() -> converter.convert(text))
                .isInstanceOf(TypeConversionException.class)
                .hasMessage("the expiry must be positive: " + text);
    }
}
