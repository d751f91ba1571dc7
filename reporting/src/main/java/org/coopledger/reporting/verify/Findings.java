package org.coopledger.reporting.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Differences between a fold and its projection, each tagged with the aggregate it concerns,
 * held until the verification knows which aggregates moved on while it ran (their projections
 * rightly show more than the replay saw). Bounded like {@link Differences}.
 */
final class Findings {

    private record Finding(String aggregateId, String text) {
    }

    private final List<Finding> kept = new ArrayList<>();
    private long dropped;

    /** {@code aggregateId} null: a finding about the projection as a whole. */
    void add(String aggregateId, String text) {
        if (kept.size() < Differences.KEPT) {
            kept.add(new Finding(aggregateId, text));
        } else {
            dropped++;
        }
    }

    /** Moves the findings about aggregates that did not move on into {@code differences}; answers how many were set aside. */
    long reportExcept(Set<String> movedOn, Differences differences) {
        long setAside = 0;
        for (Finding finding : kept) {
            if (finding.aggregateId() != null && movedOn.contains(finding.aggregateId())) {
                setAside++;
            } else {
                differences.add(finding.text());
            }
        }
        for (long i = 0; i < dropped; i++) {
            differences.add("(more findings than are kept)");
        }
        return setAside;
    }
}
