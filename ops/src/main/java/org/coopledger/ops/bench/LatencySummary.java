package org.coopledger.ops.bench;

import org.HdrHistogram.Histogram;

/** Percentiles in milliseconds of a histogram recorded in microseconds. */
public record LatencySummary(long count, double p50, double p95, double p99, double max, double mean) {

    private static final double MICROS_PER_MILLI = 1_000.0;

    public static LatencySummary ofMicros(Histogram micros) {
        if (micros.getTotalCount() == 0) {
            return new LatencySummary(0, 0, 0, 0, 0, 0);
        }
        return new LatencySummary(micros.getTotalCount(),
                millis(micros.getValueAtPercentile(50)),
                millis(micros.getValueAtPercentile(95)),
                millis(micros.getValueAtPercentile(99)),
                millis(micros.getMaxValue()),
                micros.getMean() / MICROS_PER_MILLI);
    }

    /** Three significant digits, as the histogram keeps them. */
    public static Histogram newMicrosHistogram() {
        return new Histogram(3);
    }

    private static double millis(long micros) {
        return micros / MICROS_PER_MILLI;
    }
}
