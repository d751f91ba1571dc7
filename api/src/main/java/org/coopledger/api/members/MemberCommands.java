package org.coopledger.api.members;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.coopledger.core.error.ErrorCode;
import org.coopledger.core.error.LedgerException;
import org.springframework.stereotype.Component;

/**
 * Sends commands addressed to a member. Axon answers a command for an id it has no history for with
 * {@link AggregateNotFoundException}, and one for an id whose history belongs to another
 * aggregate type (a savings account id sent as a member id) with {@link IncompatibleAggregateException}
 * (Axon 4.13's Spring support ignores {@code filterEventsByType}). Both are the client's
 * mistake: for this type the id does not exist, as the write side's own handlers also decide.
 */
@Component
class MemberCommands {

    private final CommandGateway gateway;

    MemberCommands(CommandGateway gateway) {
        this.gateway = gateway;
    }

    <R> R send(Object command) {
        try {
            return gateway.sendAndWait(command);
        } catch (AggregateNotFoundException | IncompatibleAggregateException e) {
            throw new LedgerException(ErrorCode.MEMBER_NOT_FOUND, "no such member");
        }
    }
}
