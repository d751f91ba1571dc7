package org.coopledger.core.loans.api;

import org.joda.money.Money;

import java.util.List;

/**
 * A repayment schedule: its installments in due-date order and the fees deducted at
 * disbursement. The principals add up to the loan's principal exactly.
 */
public record Schedule(List<Installment> installments, Money disbursementFees) {

    public Schedule {
        installments = List.copyOf(installments);
    }

    public Money principal() {
        return sum(installments.stream().map(Installment::principal).toList());
    }

    public Money interest() {
        return sum(installments.stream().map(Installment::interest).toList());
    }

    private Money sum(List<Money> amounts) {
        return amounts.stream().reduce(Money.zero(disbursementFees.getCurrencyUnit()), Money::plus);
    }
}
