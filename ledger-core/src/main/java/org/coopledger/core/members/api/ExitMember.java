package org.coopledger.core.members.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** A member leaves; refused while accounts are open or shares are held. */
public record ExitMember(@TargetAggregateIdentifier MemberId memberId, LocalDate exitDate, String reason) {
}
