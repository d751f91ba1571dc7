package org.coopledger.core.members.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replaces phone and address; a null field keeps its current value. */
public record UpdateMemberContact(@TargetAggregateIdentifier MemberId memberId, String phone, String address) {
}
