package org.coopledger.ops.bench;

/**
 * The plain-JDBC insert baseline of one run; latency in ms over the measured window.
 *
 * @param serverCpuMicrosPerInsert the database server's CPU per insert over the measured window
 *                                 ({@link CpuWatch}), -1 when it could not be read
 */
public record BaselineFigures(int clients, long inserts, double insertsPerSecond, LatencySummary latencyMs,
                              double serverCpuMicrosPerInsert) {
}
