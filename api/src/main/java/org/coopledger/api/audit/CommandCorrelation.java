package org.coopledger.api.audit;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

import java.util.Map;

/**
 * Correlation data flows from a command to the events it causes, and from nothing else. The
 * ledger's only event handlers are the projections, which dispatch nothing; yet Axon asks every
 * provider for each event they handle (to stamp the handler's result message), and reading an
 * event's metadata means deserializing it — 3–4 % of a rebuild's CPU (docs/PERFORMANCE.md). So
 * for any message but a command the provider answers nothing without looking at it.
 */
record CommandCorrelation(CorrelationDataProvider delegate) implements CorrelationDataProvider {

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        return message instanceof CommandMessage<?> ? delegate.correlationDataFor(message) : Map.of();
    }
}
