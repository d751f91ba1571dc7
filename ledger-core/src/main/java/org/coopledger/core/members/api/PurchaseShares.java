package org.coopledger.core.members.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.coopledger.core.journal.TransactionId;
import org.joda.money.Money;

import java.time.LocalDate;

/** Buys {@code shareCount} shares at the nominal {@code sharePrice}, paid in cash at a till. */
public record PurchaseShares(@TargetAggregateIdentifier MemberId memberId,
                             TransactionId transactionId,
                             int shareCount,
                             Money sharePrice,
                             LocalDate bookingDate,
                             String tillId) {
}
