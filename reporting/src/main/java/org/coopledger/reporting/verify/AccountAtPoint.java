package org.coopledger.reporting.verify;

import org.coopledger.core.savings.api.AccountId;
import org.joda.money.Money;

import java.util.List;

/**
 * A savings account at a point of its history, recomputed from its own events.
 *
 * @param status          NOT_OPEN (opened after the point), OPEN or CLOSED
 * @param movements       money movements folded (deposits, withdrawals, transfers, loan proceeds)
 * @param eventsFolded    the account's events up to the point
 * @param lastGlobalIndex the highest global index folded; 0 when none
 * @param differences     inconsistencies among the events themselves (a {@code balanceAfter} that
 *                        its movements do not add up to); empty in a sound ledger
 */
public record AccountAtPoint(AccountId accountId,
                             Point point,
                             String status,
                             Money balance,
                             Money held,
                             long movements,
                             long eventsFolded,
                             long lastGlobalIndex,
                             List<String> differences) {
}
