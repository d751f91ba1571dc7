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
    /**
     * One instance for every transaction: Spring keeps a transaction's synchronizations in a set,
     * so a posting that publishes several events signals once.
     */
    private final TransactionSynchronization afterCommit;

    CommittedEventsSignal(Runnable onCommitted) {
        this.onCommitted = onCommitted;
        this.afterCommit = new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                onCommitted.run();
            }
        };
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(afterCommit);
        } else if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(unitOfWork -> onCommitted.run());
        }
        return (index, message) -> message;
    }
}
