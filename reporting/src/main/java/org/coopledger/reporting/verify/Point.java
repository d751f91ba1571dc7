package org.coopledger.reporting.verify;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A point in the ledger's history: the end of a business date ({@code asOf}) or a global index
 * of the event store ({@code atIndex}, inclusive) — exactly one of the two.
 */
public record Point(LocalDate asOf, Long atIndex) {

    public Point {
        if ((asOf == null) == (atIndex == null)) {
            throw new IllegalArgumentException("a point is a date or a global index, exactly one of the two");
        }
        if (atIndex != null && atIndex < 0) {
            throw new IllegalArgumentException("a global index is not negative");
        }
    }

    public static Point asOf(LocalDate date) {
        return new Point(Objects.requireNonNull(date, "date"), null);
    }

    public static Point atIndex(long globalIndex) {
        return new Point(null, globalIndex);
    }

    /** The last global index worth reading: the given one, or everything for a date. */
    long lastGlobalIndex() {
        return atIndex != null ? atIndex : Long.MAX_VALUE;
    }
}
