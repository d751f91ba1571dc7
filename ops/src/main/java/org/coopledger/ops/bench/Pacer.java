package org.coopledger.ops.bench;

/**
 * Open-loop schedule: the k-th operation of client i is due at
 * {@code start + (k * clients + i) / rate}, whether or not the ledger has answered the previous
 * one. Latency is measured from that due time, so time spent queueing behind a slow answer
 * counts (no coordinated omission).
 */
record Pacer(long startNanos, int clients, double ratePerSecond) {

    Pacer {
        if (clients < 1 || !(ratePerSecond > 0)) {
            throw new IllegalArgumentException("clients >= 1 and rate > 0 required");
        }
    }

    long dueNanos(int client, long k) {
        double slot = (double) k * clients + client;
        return startNanos + (long) (slot * 1_000_000_000.0 / ratePerSecond);
    }
}
