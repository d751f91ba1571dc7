package org.coopledger.reporting;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.List;
import java.util.function.BiFunction;

/**
 * Tells the projections' event source when events published on the event store have been
 * committed, so that the processor reads them at once instead of at its next poll.
 * <p>
 * "Committed" is the commit of the outermost transaction: a posting's Axon unit of work joins
 * the transaction of its idempotency record, and Axon's own after-commit step runs when the unit
 * of work ends, before that transaction commits, when the events cannot be read yet. Events
 * published outside any transaction and unit of work are stored after the interceptors have run,
 * so nothing here can follow them; the source's poll picks them up.
 */
final class CommittedEventsSignal implements MessageDispatchInterceptor<EventMessage<?>> {

    private final Runnable onCommitted;

    CommittedEventsSignal(Runnable onCommitted) {
        this.onCommitted = onCommitted;
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    onCommitted.run();
                }
            });
        } else if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(unitOfWork -> onCommitted.run());
        }
        return (index, message) -> message;
    }
}
