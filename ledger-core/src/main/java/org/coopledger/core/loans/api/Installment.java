package org.coopledger.core.loans.api;

import org.joda.money.Money;

import java.time.LocalDate;

/** One scheduled installment; amounts in the currency's scale, numbered from 1. */
public record Installment(int number, LocalDate dueDate, Money principal, Money interest, Money fee) {

    public Money total() {
        return principal.plus(interest).plus(fee);
    }
}
