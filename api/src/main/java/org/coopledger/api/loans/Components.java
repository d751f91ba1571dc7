package org.coopledger.api.loans;

import org.coopledger.core.loans.api.LoanComponents;
import org.joda.money.Money;

/** An amount split by what it pays or owes, with its total; the shape of {@code allocation} and {@code outstanding}. */
public record Components(Money penalty, Money fee, Money interest, Money principal, Money total) {

    public static Components of(LoanComponents components) {
        return components == null ? null : new Components(components.penalty(), components.fee(),
                components.interest(), components.principal(), components.total());
    }
}
