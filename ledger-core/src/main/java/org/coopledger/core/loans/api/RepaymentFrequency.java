package org.coopledger.core.loans.api;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** How often installments fall due; the period rate is the annual rate divided by {@link #periodsPerYear()}. */
public enum RepaymentFrequency {
    WEEKLY(52),
    BIWEEKLY(26),
    MONTHLY(12);

    private final int periodsPerYear;

    RepaymentFrequency(int periodsPerYear) {
        this.periodsPerYear = periodsPerYear;
    }

    public int periodsPerYear() {
        return periodsPerYear;
    }

    /** Whole periods from {@code from} to {@code to} (zero when {@code to} is less than a period later). */
    public long periodsBetween(LocalDate from, LocalDate to) {
        return switch (this) {
            case WEEKLY -> ChronoUnit.WEEKS.between(from, to);
            case BIWEEKLY -> ChronoUnit.WEEKS.between(from, to) / 2;
            case MONTHLY -> ChronoUnit.MONTHS.between(from, to);
        };
    }

    /**
     * The date {@code periods} periods after {@code start}. Always counted from the same start, never
     * step by step: a schedule starting on 31 January then falls on 28 February and 31 March.
     */
    public LocalDate plus(LocalDate start, long periods) {
        return switch (this) {
            case WEEKLY -> start.plusWeeks(periods);
            case BIWEEKLY -> start.plusWeeks(2 * periods);
            case MONTHLY -> start.plusMonths(periods);
        };
    }
}
