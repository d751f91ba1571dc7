package org.coopledger.reporting.journal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Balances of every GL account per currency as of the end of a date (null = everything).
 * {@code netByCurrency} (currency code → sum of balances as a plain decimal string) is zero
 * for every currency in a sound ledger; {@code balanced} says so.
 */
public record TrialBalance(LocalDate asOf, List<TrialBalanceLine> lines, Map<String, String> netByCurrency,
                           boolean balanced) {
}
