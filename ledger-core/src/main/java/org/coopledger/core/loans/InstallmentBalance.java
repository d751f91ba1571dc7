package org.coopledger.core.loans;

import org.coopledger.core.loans.api.Installment;
import org.coopledger.core.loans.api.LoanComponent;
import org.coopledger.core.loans.api.LoanComponents;
import org.joda.money.Money;

import java.time.LocalDate;

/**
 * What one installment of a disbursed loan asked for and what has been paid on it. Part of the
 * loan aggregate's state, changed only by its event sourcing handlers; a payment above what a
 * component owes is a broken invariant.
 */
final class InstallmentBalance {

    private final int number;
    private final LocalDate dueDate;
    private LoanComponents due;
    private LoanComponents paid;
    private int penaltyPeriodsCharged;

    InstallmentBalance(Installment installment) {
        this.number = installment.number();
        this.dueDate = installment.dueDate();
        Money zero = Money.zero(installment.principal().getCurrencyUnit());
        this.due = new LoanComponents(zero, installment.fee(), installment.interest(), installment.principal());
        this.paid = LoanComponents.zero(zero.getCurrencyUnit());
    }

    int number() {
        return number;
    }

    LocalDate dueDate() {
        return dueDate;
    }

    boolean isDueBy(LocalDate date) {
        return !dueDate.isAfter(date);
    }

    LoanComponents owed() {
        return due.minus(paid);
    }

    /** What counts as late for penalties and days past due: everything but the penalties themselves. */
    Money overdueBase() {
        LoanComponents owed = owed();
        return owed.fee().plus(owed.interest()).plus(owed.principal());
    }

    boolean isSettled() {
        return owed().total().isZero();
    }

    int penaltyPeriodsCharged() {
        return penaltyPeriodsCharged;
    }

    void pay(LoanComponents amounts) {
        for (LoanComponent component : LoanComponent.values()) {
            if (amounts.get(component).isNegative() || amounts.get(component).isGreaterThan(owed().get(component))) {
                throw new IllegalStateException("installment " + number + ": a payment exceeds what its "
                        + component + " owes");
            }
        }
        paid = paid.plus(amounts);
    }

    void chargePenalty(Money amount, int periodsChargedAfter) {
        if (periodsChargedAfter <= penaltyPeriodsCharged || amount.isNegative()) {
            throw new IllegalStateException("installment " + number + ": a penalty period was charged twice");
        }
        due = due.with(LoanComponent.PENALTY, due.penalty().plus(amount));
        penaltyPeriodsCharged = periodsChargedAfter;
    }
}
