package org.coopledger.api.audit;

import org.coopledger.reporting.verify.AccountAtPoint;
import org.joda.money.Money;

import java.time.LocalDate;
import java.util.List;

/**
 * A savings account at a point, folded from its events. {@code asOf} or {@code atIndex} is the
 * point asked for (the other is null); {@code lastGlobalIndex} the newest event folded.
 *
 * @param status NOT_OPEN (the account was opened after the point), OPEN or CLOSED
 * @param differences inconsistencies among the account's events themselves; empty in a sound ledger
 */
public record AuditBalanceResponse(String accountId,
                                   LocalDate asOf,
                                   Long atIndex,
                                   String status,
                                   Money balance,
                                   Money held,
                                   long movements,
                                   long eventsFolded,
                                   long lastGlobalIndex,
                                   String computedFrom,
                                   List<String> differences) {

    static AuditBalanceResponse of(AccountAtPoint account) {
        return new AuditBalanceResponse(account.accountId().value(), account.point().asOf(), account.point().atIndex(),
                account.status(), account.balance(), account.held(), account.movements(), account.eventsFolded(),
                account.lastGlobalIndex(), "events", account.differences());
    }
}
