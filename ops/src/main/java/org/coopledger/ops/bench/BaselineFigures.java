package org.coopledger.ops.bench;

/** The plain-JDBC insert baseline of one run; latency in ms over the measured window. */
public record BaselineFigures(int clients, long inserts, double insertsPerSecond, LatencySummary latencyMs) {
}
