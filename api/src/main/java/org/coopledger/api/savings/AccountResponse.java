package org.coopledger.api.savings;

import org.coopledger.reporting.savings.SavingsAccountView;
import org.joda.money.Money;

import java.time.LocalDate;

/** A savings account; {@code available} = balance − minimum balance − held. */
public record AccountResponse(String accountId,
                              String memberId,
                              String productCode,
                              String status,
                              Money balance,
                              Money held,
                              Money minimumBalance,
                              Money available,
                              LocalDate openedOn,
                              LocalDate closedOn) {

    public static AccountResponse of(SavingsAccountView view) {
        return new AccountResponse(view.accountId().value(), view.memberId().value(), view.productCode(), view.status(),
                view.balance(), view.held(), view.minimumBalance(), view.available(), view.openedOn(), view.closedOn());
    }
}
