package org.coopledger.core.members.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.coopledger.core.journal.TransactionId;
import org.joda.money.Money;

import java.time.LocalDate;

/** Pays shares back in cash at the nominal price, typically on exit. */
public record RedeemShares(@TargetAggregateIdentifier MemberId memberId,
                           TransactionId transactionId,
                           int shareCount,
                           Money sharePrice,
                           LocalDate bookingDate,
                           String tillId) {
}
