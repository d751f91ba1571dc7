package org.coopledger.core.loans.api;

import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/** An amount split by what it pays or owes: penalties, fees, interest and principal. */
public record LoanComponents(Money penalty, Money fee, Money interest, Money principal) {

    public static LoanComponents zero(CurrencyUnit currency) {
        Money zero = Money.zero(currency);
        return new LoanComponents(zero, zero, zero, zero);
    }

    public Money get(LoanComponent component) {
        return switch (component) {
            case PENALTY -> penalty;
            case FEE -> fee;
            case INTEREST -> interest;
            case PRINCIPAL -> principal;
        };
    }

    public LoanComponents with(LoanComponent component, Money amount) {
        return new LoanComponents(component == LoanComponent.PENALTY ? amount : penalty,
                component == LoanComponent.FEE ? amount : fee,
                component == LoanComponent.INTEREST ? amount : interest,
                component == LoanComponent.PRINCIPAL ? amount : principal);
    }

    public LoanComponents plus(LoanComponents other) {
        return new LoanComponents(penalty.plus(other.penalty), fee.plus(other.fee), interest.plus(other.interest),
                principal.plus(other.principal));
    }

    public LoanComponents minus(LoanComponents other) {
        return new LoanComponents(penalty.minus(other.penalty), fee.minus(other.fee),
                interest.minus(other.interest), principal.minus(other.principal));
    }

    public Money total() {
        return penalty.plus(fee).plus(interest).plus(principal);
    }
}
