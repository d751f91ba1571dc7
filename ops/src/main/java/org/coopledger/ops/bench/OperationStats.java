package org.coopledger.ops.bench;

import org.HdrHistogram.Histogram;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one client saw during the measured window. Each client owns one, so recording never
 * contends between threads; the run merges them at the end.
 */
public final class OperationStats {

    /** Latency of answered operations (success or business rejection), retries included. */
    private final Map<OperationKind, Histogram> answeredMicros = new EnumMap<>(OperationKind.class);
    private final Map<OperationKind, Long> succeeded = new EnumMap<>(OperationKind.class);
    private final Map<String, Long> rejections = new TreeMap<>();
    private final Map<String, Long> errors = new TreeMap<>();
    private long retries;

    public void record(OperationKind kind, Outcome outcome, long latencyMicros, int retriesOfThisOperation) {
        retries += retriesOfThisOperation;
        switch (outcome.verdict()) {
            case SUCCESS -> {
                succeeded.merge(kind, 1L, Long::sum);
                histogram(kind).recordValue(latencyMicros);
            }
            case REJECTED -> {
                rejections.merge(outcome.label(), 1L, Long::sum);
                histogram(kind).recordValue(latencyMicros);
            }
            case ERROR, RETRY -> errors.merge(outcome.label(), 1L, Long::sum);
        }
    }

    /** Label of operations an open-loop client never sent because it had fallen behind its schedule. */
    public static final String NOT_SENT = "NOT_SENT (behind the requested rate)";

    /** Operations due in the measured window that were never sent: the ledger could not keep the rate. */
    public void recordNotSent(long operations) {
        if (operations > 0) {
            errors.merge(NOT_SENT, operations, Long::sum);
        }
    }

    public void add(OperationStats other) {
        other.answeredMicros.forEach((kind, h) -> histogram(kind).add(h));
        other.succeeded.forEach((kind, n) -> succeeded.merge(kind, n, Long::sum));
        other.rejections.forEach((code, n) -> rejections.merge(code, n, Long::sum));
        other.errors.forEach((label, n) -> errors.merge(label, n, Long::sum));
        retries += other.retries;
    }

    public Histogram latencyMicros(OperationKind kind) {
        return histogram(kind).copy();
    }

    public Histogram allLatencyMicros() {
        Histogram all = LatencySummary.newMicrosHistogram();
        answeredMicros.values().forEach(all::add);
        return all;
    }

    public long succeeded(OperationKind kind) {
        return succeeded.getOrDefault(kind, 0L);
    }

    public long succeededPostings() {
        return succeeded.entrySet().stream().filter(e -> e.getKey().posting()).mapToLong(Map.Entry::getValue).sum();
    }

    public Map<String, Long> rejections() {
        return new TreeMap<>(rejections);
    }

    public Map<String, Long> errors() {
        return new TreeMap<>(errors);
    }

    public long errorCount() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }

    public long retries() {
        return retries;
    }

    private Histogram histogram(OperationKind kind) {
        return answeredMicros.computeIfAbsent(kind, k -> LatencySummary.newMicrosHistogram());
    }
}
