package dev.weft.miniredis.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Reads {@code --expires}: milliseconds ({@code 1500}, as Tokio's mini-redis-cli takes them), a number
 * with a unit ({@code 1500ms}, {@code 10s}, {@code 5m}, {@code 2h}, {@code 1d}), or ISO-8601
 * ({@code PT10S}). The expiry must be positive.
 */
final class ExpiryConverter implements ITypeConverter<Duration> {

    @Override
    public Duration convert(String text) {
        Duration expiry = parse(text.trim().toLowerCase(Locale.ROOT));
        if (expiry == null) {
            throw new TypeConversionException("'" + text + "' is not a duration: give milliseconds (1500), a number"
                    + " with a unit (1500ms, 10s, 5m, 2h, 1d) or ISO-8601 (PT10S)");
        }
        if (expiry.isZero() || expiry.isNegative()) {
            throw new TypeConversionException("the expiry must be positive: " + text);
        }
        return expiry;
    }

    private static Duration parse(String text) {
        if (text.startsWith("p")) {
            try {
                return Duration.parse(text);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        int digits = 0;
        while (digits < text.length() && text.charAt(digits) >= '0' && text.charAt(digits) <= '9') {
            digits++;
        }
        if (digits == 0) {
            return null;
        }
        try {
            long amount = Long.parseLong(text.substring(0, digits));
            return switch (text.substring(digits)) {
                case "", "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                case "d" -> Duration.ofDays(amount);
                default -> null;
            };
        } catch (NumberFormatException | ArithmeticException tooLong) {
            return null;
        }
    }
}
