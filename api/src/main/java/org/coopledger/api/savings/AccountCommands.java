package org.coopledger.api.savings;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.coopledger.core.error.ErrorCode;
import org.coopledger.core.error.LedgerException;
import org.springframework.stereotype.Component;

/**
 * Sends commands addressed to savings accounts. Axon answers a command for an id it has no history for with
 * {@link AggregateNotFoundException}, and one for an id whose history belongs to another
 * aggregate type (a member id sent as an account id) with {@link IncompatibleAggregateException}
 * (Axon 4.13's Spring support ignores {@code filterEventsByType}). Both are the client's
 * mistake: for this type the id does not exist, as the write side's own handlers also decide.
 */
@Component
public class AccountCommands {

    private final CommandGateway gateway;

    AccountCommands(CommandGateway gateway) {
        this.gateway = gateway;
    }

    public <R> R send(Object command) {
        try {
            return gateway.sendAndWait(command);
        } catch (AggregateNotFoundException | IncompatibleAggregateException e) {
            throw new LedgerException(ErrorCode.ACCOUNT_NOT_FOUND, "no such account");
        }
    }
}
