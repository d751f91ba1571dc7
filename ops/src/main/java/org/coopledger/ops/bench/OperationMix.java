package org.coopledger.ops.bench;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/** Weighted choice of the next operation, so that a run's traffic has a fixed, known shape. */
public final class OperationMix {

    private final Map<OperationKind, Integer> weights;
    private final int total;

    private OperationMix(Map<OperationKind, Integer> weights) {
        this.weights = Collections.unmodifiableMap(new EnumMap<>(weights));
        this.total = weights.values().stream().mapToInt(Integer::intValue).sum();
        if (weights.values().stream().anyMatch(w -> w < 0) || total <= 0) {
            throw new IllegalArgumentException("weights must be non-negative with a positive sum: " + weights);
        }
    }

    /** A teller counter's day: mostly cash in and out, some transfers, members checking balances. */
    public static OperationMix postings() {
        Map<OperationKind, Integer> weights = new EnumMap<>(OperationKind.class);
        weights.put(OperationKind.DEPOSIT, 35);
        weights.put(OperationKind.WITHDRAWAL, 25);
        weights.put(OperationKind.TRANSFER, 20);
        weights.put(OperationKind.BALANCE, 15);
        weights.put(OperationKind.STATEMENT, 5);
        return new OperationMix(weights);
    }

    public static OperationMix only(OperationKind kind) {
        return new OperationMix(Map.of(kind, 1));
    }

    public OperationKind pick(RandomGenerator random) {
        return pick(random.nextInt(total));
    }

    /** The kind whose cumulative weight band holds {@code roll}, for {@code 0 <= roll < totalWeight()}. */
    OperationKind pick(int roll) {
        if (roll < 0 || roll >= total) {
            throw new IllegalArgumentException("roll " + roll + " outside [0, " + total + ")");
        }
        int upTo = 0;
        for (Map.Entry<OperationKind, Integer> weight : weights.entrySet()) {
            upTo += weight.getValue();
            if (roll < upTo) {
                return weight.getKey();
            }
        }
        throw new AssertionError("weights sum to " + total);
    }

    int totalWeight() {
        return total;
    }

    Map<OperationKind, Integer> weights() {
        return weights;
    }
}
