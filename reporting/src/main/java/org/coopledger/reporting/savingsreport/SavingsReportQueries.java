package org.coopledger.reporting.savingsreport;

import java.time.LocalDate;
import java.util.Set;

/** The savings report of issue #4: deposits outstanding, accounts by state, share capital. */
public interface SavingsReportQueries {

    /** As of the end of {@code asOf}, broken down by {@code groupBy} (may be empty) and currency. */
    SavingsReport savingsReport(LocalDate asOf, Set<Dimension> groupBy);
}
