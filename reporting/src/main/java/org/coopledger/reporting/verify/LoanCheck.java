package org.coopledger.reporting.verify;

import org.coopledger.core.loans.api.LoanComponents;
import org.coopledger.core.loans.api.LoanId;
import org.coopledger.reporting.loans.InstallmentView;
import org.coopledger.reporting.loans.LoanMovementView;
import org.coopledger.reporting.loans.LoanQueries;
import org.coopledger.reporting.loans.LoanView;
import org.joda.money.Money;

import java.util.List;

/**
 * Loans: status, outstanding per component, advance, written-off principal and recoveries of
 * every loan equal to its projection; one movement row per money event, allocation rows adding up
 * to what the payments allocated, and the schedule's paid and penalty columns agreeing with them
 * (a movement a processor skipped leaves its rows missing even when a later event set the loan's
 * outstanding right again).
 */
final class LoanCheck implements ReplayCheck {

    private final LoanQueries loans;
    private final LoanFold fold = new LoanFold();

    LoanCheck(LoanQueries loans) {
        this.loans = loans;
    }

    @Override
    public void apply(StoredEvent event, Differences differences) {
        fold.apply(event, differences);
    }

    long loans() {
        return fold.loans().size();
    }

    @Override
    public void compare(Scope scope, Findings findings) {
        fold.loans().forEach((id, expected) -> {
            try {
                compare(findings, id, expected);
            } catch (RuntimeException e) {
                // e.g. a projection row in another currency than the events': a finding, not a crash.
                findings.add(id, "loan " + id + " cannot be compared: " + e.getMessage());
            }
        });
    }

    private void compare(Findings findings, String id, LoanState expected) {
        {
            LoanId loanId = new LoanId(id);
            LoanView view = loans.loan(loanId).orElse(null);
            if (view == null) {
                findings.add(id, "loan " + id + " is missing from the loan projection");
                return;
            }
            if (!expected.status.equals(view.status())) {
                findings.add(id, "loan " + id + ": projection status " + view.status() + ", events say " + expected.status);
            }
            if (!LoanFold.equal(view.outstanding(), expected.outstanding)) {
                findings.add(id, "loan " + id + ": projection outstanding " + LoanFold.text(view.outstanding())
                        + ", events say " + LoanFold.text(expected.outstanding));
            }
            compare(findings, id, "advance", view.advance(), expected.advance);
            compare(findings, id, "written-off principal", view.writtenOffPrincipal(), expected.writtenOffPrincipal);
            compare(findings, id, "recovered", view.recovered(), expected.recovered);
            compareMovements(findings, id, loans.movements(loanId, null, null), expected);
            compareSchedule(findings, id, loans.schedule(loanId), expected);
        }
    }

    private static void compareMovements(Findings findings, String id, List<LoanMovementView> movements,
                                         LoanState expected) {
        long rows = 0;
        LoanComponents allocated = LoanComponents.zero(expected.currency);
        Money penalties = Money.zero(expected.currency);
        for (LoanMovementView movement : movements) {
            if (LoanMovementView.PENALTY.equals(movement.kind())) {
                penalties = penalties.plus(movement.amount());
            } else {
                rows++;
                allocated = allocated.plus(movement.allocated());
            }
        }
        if (rows != expected.movements) {
            findings.add(id, "loan " + id + ": projection has " + rows + " movements, events have "
                    + expected.movements);
        }
        if (!LoanFold.equal(allocated, expected.allocated)) {
            findings.add(id, "loan " + id + ": projection allocations add up to " + LoanFold.text(allocated)
                    + ", events allocated " + LoanFold.text(expected.allocated));
        }
        compare(findings, id, "penalty charges", penalties, expected.penaltiesCharged);
    }

    private static void compareSchedule(Findings findings, String id, List<InstallmentView> schedule,
                                        LoanState expected) {
        if (schedule.size() != expected.installments) {
            findings.add(id, "loan " + id + ": projection schedule has " + schedule.size() + " installments, events have "
                    + expected.installments);
            return;
        }
        LoanComponents paid = LoanComponents.zero(expected.currency);
        Money penalties = Money.zero(expected.currency);
        for (InstallmentView installment : schedule) {
            paid = paid.plus(installment.paid());
            penalties = penalties.plus(installment.due().penalty());
        }
        if (!LoanFold.equal(paid, expected.allocated)) {
            findings.add(id, "loan " + id + ": projection schedule shows " + LoanFold.text(paid)
                    + " paid, events allocated " + LoanFold.text(expected.allocated));
        }
        compare(findings, id, "schedule penalties", penalties, expected.penaltiesCharged);
    }

    private static void compare(Findings findings, String id, String what, Money projected, Money expected) {
        if (!projected.isEqual(expected)) {
            findings.add(id, "loan " + id + ": projection " + what + " " + projected + ", events say " + expected);
        }
    }
}
