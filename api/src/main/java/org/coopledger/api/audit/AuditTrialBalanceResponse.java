package org.coopledger.api.audit;

import org.coopledger.reporting.journal.TrialBalanceLine;
import org.coopledger.reporting.verify.TrialBalanceAtPoint;
import org.joda.money.Money;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The trial balance at a point, folded from the journal entries of the events; lines in the
 * shape of {@code GET /api/v1/reports/trial-balance}. {@code lastGlobalIndex} is the newest
 * event folded, {@code headGlobalIndex} the newest event when the store was read.
 */
public record AuditTrialBalanceResponse(LocalDate asOf,
                                        Long atIndex,
                                        List<Line> lines,
                                        Map<String, String> netByCurrency,
                                        boolean balanced,
                                        long journalEntries,
                                        long lastGlobalIndex,
                                        long headGlobalIndex,
                                        String computedFrom,
                                        List<String> differences) {

    /** {@code balance} = debits − credits, so credit-normal accounts show negative balances. */
    public record Line(String accountCode, String accountName, String currency, Money debits, Money credits,
                       Money balance) {

        static Line of(TrialBalanceLine line) {
            return new Line(line.accountCode(), line.accountName(), line.balance().getCurrencyUnit().getCode(),
                    line.debits(), line.credits(), line.balance());
        }
    }

    static AuditTrialBalanceResponse of(TrialBalanceAtPoint at) {
        return new AuditTrialBalanceResponse(at.point().asOf(), at.point().atIndex(),
                at.trialBalance().lines().stream().map(Line::of).toList(), at.trialBalance().netByCurrency(),
                at.trialBalance().balanced(), at.journalEntries(), at.lastGlobalIndex(), at.headGlobalIndex(),
                "events", at.differences());
    }
}
