package org.coopledger.core.savings.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ReleaseHold(@TargetAggregateIdentifier AccountId accountId, String holdId) {
}
