package org.coopledger.core.savings.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.coopledger.core.journal.TransactionId;
import org.joda.money.Money;

import java.time.LocalDate;

/** Cash paid in at a till. */
public record RecordDeposit(@TargetAggregateIdentifier AccountId accountId,
                            TransactionId transactionId,
                            Money amount,
                            LocalDate bookingDate,
                            LocalDate valueDate,
                            String tillId,
                            String reference) {
}
