package org.coopledger.core.members.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Destroys the member's key, making every personal field in their history unreadable; refused
 * while the member has open accounts or holds shares. {@code reason} is stored for ever: it must
 * not name the person.
 */
public record ErasePersonalData(@TargetAggregateIdentifier MemberId memberId, LocalDate erasedOn, String reason) {
}
