package org.coopledger.ops.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How steady a rebuild ran: the rate of the slowest segment (the events every projection has
 * processed) over consecutive windows of the run, from the progress polled every
 * {@link ReplayBenchmark#POLL_MILLIS}. A replay has no requests, so instead of latency
 * percentiles the report gives the percentiles of these window rates: p5 shows the slow stretches
 * (a stall, a collection, a neighbour's build), p50 the usual pace.
 */
final class ReplayRates {

    /** Long enough to span several processor batches and commits, short enough to show a stall. */
    static final double WINDOW_SECONDS = 5.0;

    private final List<double[]> samples = new ArrayList<>();

    /** @param seconds since the start of the rebuild; @param eventsDone events every group has processed */
    void sample(double seconds, long eventsDone) {
        samples.add(new double[]{seconds, eventsDone});
    }

    ReplayReport.Rates figures() {
        double[] rates = windowRates();
        if (rates.length == 0) {
            return new ReplayReport.Rates(WINDOW_SECONDS, 0, 0, 0, 0);
        }
        Arrays.sort(rates);
        return new ReplayReport.Rates(WINDOW_SECONDS, rates.length, percentile(rates, 5), percentile(rates, 50),
                percentile(rates, 95));
    }

    /** Events per second over each full window: progress from the first sample at or after its start to the last before its end. */
    private double[] windowRates() {
        List<Double> rates = new ArrayList<>();
        int from = 0;
        for (int i = 1; i < samples.size(); i++) {
            double elapsed = samples.get(i)[0] - samples.get(from)[0];
            if (elapsed >= WINDOW_SECONDS) {
                rates.add((samples.get(i)[1] - samples.get(from)[1]) / elapsed);
                from = i;
            }
        }
        return rates.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Nearest rank on sorted values. */
    private static double percentile(double[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
