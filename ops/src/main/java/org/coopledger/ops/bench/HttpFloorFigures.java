package org.coopledger.ops.bench;

/**
 * The HTTP floor of one run: the teller's authenticated {@code GET /actuator/health}, closed loop,
 * same clients and durations as the scenario. Latency in ms over the measured window.
 */
public record HttpFloorFigures(int clients, long requests, double requestsPerSecond, LatencySummary latencyMs) {

    static HttpFloorFigures of(OperationStats stats, int clients, double seconds) {
        LatencySummary latency = LatencySummary.ofMicros(stats.latencyMicros(OperationKind.HTTP_FLOOR));
        return new HttpFloorFigures(clients, latency.count(), latency.count() / seconds, latency);
    }
}
