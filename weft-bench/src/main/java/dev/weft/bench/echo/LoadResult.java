package dev.weft.bench.echo;

import org.HdrHistogram.Histogram;

/**
 * What one measurement of one server produced: the round trips completed in the measured interval and
 * their latencies.
 *
 * @param scenario      the load
 * @param measuredNanos the length of the measured interval
 * @param latencies     one value per round trip completed in it, in nanoseconds
 */
public record LoadResult(Scenario scenario, long measuredNanos, Histogram latencies) {

    /** The round trips completed in the measured interval. */
    public long roundTrips() {
        return latencies.getTotalCount();
    }

    /** Round trips per second: messages echoed per second. */
    public double messagesPerSecond() {
        return roundTrips() * 1e9 / measuredNanos;
    }

    /** Payload echoed per second, in one direction, in megabytes (10^6 bytes). */
    public double megabytesPerSecond() {
        return messagesPerSecond() * scenario.messageBytes() / 1e6;
    }

    /** The latency at {@code percentile} (50 for the median), in microseconds. */
    public double latencyMicros(double percentile) {
        return latencies.getValueAtPercentile(percentile) / 1e3;
    }
}
