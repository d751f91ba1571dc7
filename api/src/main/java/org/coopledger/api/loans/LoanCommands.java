package org.coopledger.api.loans;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.coopledger.core.error.ErrorCode;
import org.coopledger.core.error.LedgerException;
import org.springframework.stereotype.Component;

/**
 * Sends commands addressed to loans. Commands handled on the aggregate itself (rejection,
 * withdrawal, recovery) reach Axon's repository directly, which answers an unknown id, or one of
 * another aggregate type, with an Axon exception: for a loan that is LOAN_NOT_FOUND, as the
 * loan handlers that load the aggregate themselves decide (see AccountCommands).
 */
@Component
class LoanCommands {

    private final CommandGateway gateway;

    LoanCommands(CommandGateway gateway) {
        this.gateway = gateway;
    }

    <R> R send(Object command) {
        try {
            return gateway.sendAndWait(command);
        } catch (AggregateNotFoundException | IncompatibleAggregateException e) {
            throw new LedgerException(ErrorCode.LOAN_NOT_FOUND, "no such loan");
        }
    }
}
