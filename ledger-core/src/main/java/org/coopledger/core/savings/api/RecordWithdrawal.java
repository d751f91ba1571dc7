package org.coopledger.core.savings.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.coopledger.core.journal.TransactionId;
import org.joda.money.Money;

import java.time.LocalDate;

/** Cash paid out at a till; never below the minimum balance plus holds. */
public record RecordWithdrawal(@TargetAggregateIdentifier AccountId accountId,
                               TransactionId transactionId,
                               Money amount,
                               LocalDate bookingDate,
                               LocalDate valueDate,
                               String tillId,
                               String reference) {
}
