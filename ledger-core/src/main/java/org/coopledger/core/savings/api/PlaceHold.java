package org.coopledger.core.savings.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.joda.money.Money;

/** Blocks part of the available balance (a lien, e.g. for a loan guarantee). Not a money movement. */
public record PlaceHold(@TargetAggregateIdentifier AccountId accountId, String holdId, Money amount, String reason) {
}
